#include "sandbox/scimfilter.h"

#include <QHash>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Sandbox::ScimFilter;

// The SCIM filter subset every list endpoint shares (RFC 7644 §3.4.2.2).
class TestScimFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
    void rejects_data();
    void rejects();
    void honoursAllowedAttributesAndOperators();
    void reportsMentionedAttributes();
};

namespace {

// A user with a multi-valued attribute.
QStringList values(const QString &attribute)
{
    static const QHash<QString, QStringList> user{
        {u"name"_s, {u"Alice Smith"_s}},
        {u"status"_s, {u"active"_s}},
        {u"email"_s, {u"alice@example.com"_s}},
        {u"roles"_s, {u"TenantAdmin"_s, u"AuditAdmin"_s}},
        {u"count"_s, {u"12"_s}},
        {u"createdat"_s, {u"2024-03-04T10:00:00.000Z"_s}},
        {u"empty"_s, {u""_s}},
    };
    return user.value(attribute);
}

} // namespace

void TestScimFilter::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("expected");
    QTest::newRow("empty filter") << u""_s << true;
    QTest::newRow("eq") << u"name eq \"Alice Smith\""_s << true;
    QTest::newRow("eq is case-insensitive") << u"NAME EQ \"alice smith\""_s << true;
    QTest::newRow("ne") << u"status ne \"active\""_s << false;
    QTest::newRow("co") << u"email co \"@example\""_s << true;
    QTest::newRow("sw") << u"name sw \"ali\""_s << true;
    QTest::newRow("ew") << u"email ew \".org\""_s << false;
    QTest::newRow("multi-valued eq") << u"roles eq \"AuditAdmin\""_s << true;
    QTest::newRow("numeric gt") << u"count gt 9"_s << true;
    QTest::newRow("numeric le") << u"count le 11"_s << false;
    QTest::newRow("date ge") << u"createdAt ge \"2024-01-01\""_s << true;
    QTest::newRow("pr") << u"email pr"_s << true;
    QTest::newRow("pr on empty") << u"empty pr"_s << false;
    QTest::newRow("eq null") << u"missing eq null"_s << true;
    QTest::newRow("and") << u"name co \"alice\" and status eq \"active\""_s << true;
    QTest::newRow("or") << u"name eq \"Bob\" or status eq \"active\""_s << true;
    QTest::newRow("and binds tighter than or") << u"name eq \"Bob\" and status eq \"x\" or count eq 12"_s << true;
    QTest::newRow("parentheses") << u"name eq \"Bob\" and (status eq \"x\" or count eq 12)"_s << false;
    QTest::newRow("not") << u"not (status eq \"disabled\")"_s << true;
    QTest::newRow("escaped quote") << u"name eq \"Alice \\\"Smith\\\"\""_s << false;
    QTest::newRow("extra spaces") << u"  (  name  eq  \"Alice Smith\"  )  "_s << true;
}

void TestScimFilter::matches()
{
    QFETCH(QString, filter);
    QFETCH(bool, expected);
    const ScimFilter parsed = ScimFilter::parse(filter);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed.matches(values), expected);
}

void TestScimFilter::rejects_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("dangling and") << u"name eq \"a\" and"_s;
    QTest::newRow("no operator") << u"name"_s;
    QTest::newRow("unknown operator") << u"name like \"a\""_s;
    QTest::newRow("unquoted word") << u"name eq alice"_s;
    QTest::newRow("unterminated") << u"name eq \"a"_s;
    QTest::newRow("unbalanced") << u"(name eq \"a\""_s;
    QTest::newRow("stray close") << u"name eq \"a\")"_s;
    QTest::newRow("not without parens") << u"not name eq \"a\""_s;
    QTest::newRow("two expressions") << u"name eq \"a\" status eq \"b\""_s;
}

void TestScimFilter::rejects()
{
    QFETCH(QString, filter);
    const ScimFilter parsed = ScimFilter::parse(filter);
    QVERIFY(!parsed.isValid());
    QVERIFY(parsed.errorMessage().startsWith(u"Invalid filter: "_s));
    QVERIFY(parsed.matches(values)); // an invalid filter is empty; callers answer 400 first
}

void TestScimFilter::honoursAllowedAttributesAndOperators()
{
    const ScimFilter::Allowed allowed{{u"name"_s, {u"eq"_s, u"co"_s}}, {u"status"_s, {u"eq"_s}}};
    QVERIFY(ScimFilter::parse(u"name co \"a\" and status eq \"active\""_s, allowed).isValid());
    const ScimFilter unknown = ScimFilter::parse(u"email eq \"a\""_s, allowed);
    QVERIFY(!unknown.isValid());
    QVERIFY(unknown.errorMessage().contains(u"email"_s));
    QVERIFY(!ScimFilter::parse(u"status co \"act\""_s, allowed).isValid());
}

void TestScimFilter::reportsMentionedAttributes()
{
    const ScimFilter filter
        = ScimFilter::parse(u"subscriptionId eq \"1\" or (subscriptionId eq \"2\" and status ne \"deleted\")"_s);
    QVERIFY(filter.mentions(u"SUBSCRIPTIONID"_s));
    QVERIFY(!filter.mentions(u"name"_s));
    QCOMPARE(filter.equalityValues(u"subscriptionId"_s), (QStringList{u"1"_s, u"2"_s}));
}

QTEST_GUILESS_MAIN(TestScimFilter)
#include "tst_scimfilter.moc"
