#include "ops/paramreferences.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Ops::ParamReference;
using Ops::ParamReferences;

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

// Outputs known in these tests: one.id = "rec-1", one.list = [1, 2], one.obj = {"a": 1}, one.n = 42,
// target.hostname = "acme.eu.qlikcloud.com"; everything of step "two" is unknown.
std::optional<QJsonValue> lookup(const QString &source, const QString &name)
{
    if (source == u"one"_s && name == u"id"_s)
        return QJsonValue(u"rec-1"_s);
    if (source == u"one"_s && name == u"list"_s)
        return QJsonValue(QJsonArray{1, 2});
    if (source == u"one"_s && name == u"obj"_s)
        return QJsonValue(QJsonObject{{u"a"_s, 1}});
    if (source == u"one"_s && name == u"n"_s)
        return QJsonValue(42);
    if (source == u"one"_s && name == u"flag"_s)
        return QJsonValue(true);
    if (source == u"target"_s && name == u"hostname"_s)
        return QJsonValue(u"acme.eu.qlikcloud.com"_s);
    return std::nullopt;
}

} // namespace

class TestParamReferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolves_data();
    void resolves();
    void findsReferencesWithPaths();
    void reportsMalformedReferences_data();
    void reportsMalformedReferences();
};

void TestParamReferences::resolves_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QJsonValue>("expected");
    QTest::addColumn<QStringList>("unresolved");
    QTest::addColumn<QString>("issue");

    QTest::newRow("plain") << json(R"("text")") << json(R"("text")") << QStringList() << QString();
    QTest::newRow("number untouched") << json("3") << json("3") << QStringList() << QString();
    QTest::newRow("whole reference keeps type: string")
        << json(R"("${one.id}")") << json(R"("rec-1")") << QStringList() << QString();
    QTest::newRow("whole reference keeps type: array")
        << json(R"("${one.list}")") << json("[1,2]") << QStringList() << QString();
    QTest::newRow("whole reference keeps type: number")
        << json(R"("${one.n}")") << json("42") << QStringList() << QString();
    QTest::newRow("embedded") << json(R"("id=${one.id}, n=${one.n}, ${one.flag} on ${target.hostname}")")
                              << json(R"("id=rec-1, n=42, true on acme.eu.qlikcloud.com")") << QStringList()
                              << QString();
    QTest::newRow("escaped") << json(R"("$${one.id} costs $5")") << json(R"("${one.id} costs $5")") << QStringList()
                             << QString();
    QTest::newRow("nested objects and arrays")
        << json(R"({"a": ["${one.id}", {"b": "x-${one.n}"}], "c": "${one.obj}"})")
        << json(R"({"a": ["rec-1", {"b": "x-42"}], "c": {"a": 1}})") << QStringList() << QString();
    QTest::newRow("unknown stays as text") << json(R"({"a": "${two.id}", "b": "x-${two.name}-${one.id}"})")
                                           << json(R"({"a": "${two.id}", "b": "x-${two.name}-rec-1"})")
                                           << QStringList{u"${two.id}"_s, u"${two.name}"_s} << QString();
    QTest::newRow("object inside a string")
        << json(R"("x ${one.obj}")") << json(R"("x ")") << QStringList()
        << u"${one.obj} is an object, which cannot be placed inside a longer string"_s;
}

void TestParamReferences::resolves()
{
    QFETCH(QJsonValue, input);
    QFETCH(QJsonValue, expected);
    QFETCH(QStringList, unresolved);
    QFETCH(QString, issue);
    const ParamReferences::Resolution resolution = ParamReferences::resolve(input, lookup, u"$.p"_s);
    QCOMPARE(resolution.value, expected);
    QStringList texts;
    for (const ParamReference &reference : resolution.unresolved)
        texts.append(reference.text());
    QCOMPARE(texts, unresolved);
    if (issue.isEmpty()) {
        QVERIFY(resolution.issues.isEmpty());
    } else {
        QCOMPARE(resolution.issues.size(), 1);
        QVERIFY2(resolution.issues.first().message.contains(issue), qPrintable(resolution.issues.first().message));
    }
}

void TestParamReferences::findsReferencesWithPaths()
{
    QList<Ops::PlanIssue> issues;
    const QList<ParamReference> found = ParamReferences::find(
        json(R"({"name": "${vars.customer} staging", "assign": [{"id": "${groups.groupId}"}], "x": "$${not.one}"})"),
        u"$.targets[0].steps[2].params"_s, &issues);
    QVERIFY(issues.isEmpty());
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0), (ParamReference{u"groups"_s, u"groupId"_s, u"$.targets[0].steps[2].params.assign[0].id"_s}));
    QCOMPARE(found.at(1), (ParamReference{u"vars"_s, u"customer"_s, u"$.targets[0].steps[2].params.name"_s}));

    ParamReference whole;
    QVERIFY(ParamReferences::isWholeReference(u"${tenant.hostname}"_s, &whole));
    QCOMPARE(whole.source, u"tenant"_s);
    QVERIFY(!ParamReferences::isWholeReference(u"x${tenant.hostname}"_s));
    QVERIFY(!ParamReferences::isWholeReference(u"${tenant.hostname}${a.b}"_s));
    QVERIFY(!ParamReferences::isWholeReference(u"acme.eu.qlikcloud.com"_s));
}

void TestParamReferences::reportsMalformedReferences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unclosed") << u"a ${one.id"_s << u"has no closing '}'"_s;
    QTest::newRow("no dot") << u"${oneid}"_s << u"\"${oneid}\" is not a reference"_s;
    QTest::newRow("upper-case step") << u"${One.id}"_s << u"is not a reference"_s;
    QTest::newRow("space") << u"${one. id}"_s << u"is not a reference"_s;
    QTest::newRow("empty") << u"${}"_s << u"is not a reference"_s;
}

void TestParamReferences::reportsMalformedReferences()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QList<Ops::PlanIssue> issues;
    const QList<ParamReference> found = ParamReferences::find(QJsonObject{{u"v"_s, text}}, u"$"_s, &issues);
    QVERIFY(found.isEmpty());
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().path, u"$.v"_s);
    QVERIFY2(issues.first().message.contains(message), qPrintable(issues.first().message));
}

QTEST_GUILESS_MAIN(TestParamReferences)
#include "tst_paramreferences.moc"
