#include "cloud/apioperationcatalog.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using Cloud::ApiOperationCatalog;
using Cloud::RateTier;

class TestApiOperationCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesSpecOperations_data();
    void matchesSpecOperations();
    void unknownOperationsDoNotMatch_data();
    void unknownOperationsDoNotMatch();
    void everyOperationOfTheSpecIsPresent();
};

void TestApiOperationCatalog::matchesSpecOperations_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("pathTemplate");
    QTest::addColumn<RateTier>("tier");
    QTest::addColumn<int>("limit");

    QTest::newRow("list spaces") << u"GET"_s << u"/api/v1/spaces"_s << u"/v1/spaces"_s << RateTier::One << 1000;
    QTest::newRow("create space") << u"POST"_s << u"/api/v1/spaces"_s << u"/v1/spaces"_s << RateTier::Two << 100;
    QTest::newRow("without /api") << u"GET"_s << u"/v1/spaces/abc"_s << u"/v1/spaces/{spaceId}"_s << RateTier::One
                                  << 1000;
    QTest::newRow("literal beats placeholder")
        << u"GET"_s << u"/api/v1/users/me"_s << u"/v1/users/me"_s << RateTier::One << 1000;
    QTest::newRow("user by id") << u"GET"_s << u"/api/v1/users/62b6024fcdf339bb986fae75"_s << u"/v1/users/{userId}"_s
                                << RateTier::One << 1000;
    QTest::newRow("reload is special 50")
        << u"POST"_s << u"/api/v1/reloads"_s << u"/v1/reloads"_s << RateTier::Special << 50;
    QTest::newRow("token") << u"POST"_s << u"/oauth/token"_s << u"/oauth/token"_s << RateTier::Two << 100;
    QTest::newRow("method is case-insensitive")
        << u"patch"_s << u"/api/v1/groups/settings"_s << u"/v1/groups/settings"_s << RateTier::Two << 100;
    QTest::newRow("org api") << u"GET"_s << u"/api/core/tenants"_s << u"/api/core/tenants"_s << RateTier::One << 1000;
}

void TestApiOperationCatalog::matchesSpecOperations()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, pathTemplate);
    QFETCH(RateTier, tier);
    QFETCH(int, limit);

    const auto operation = ApiOperationCatalog::instance().match(method, path);
    QVERIFY2(operation.has_value(), qPrintable(method + u' ' + path));
    QCOMPARE(operation->pathTemplate, pathTemplate);
    QCOMPARE(operation->tier, tier);
    QCOMPARE(operation->limitPerMinute, limit);
}

void TestApiOperationCatalog::unknownOperationsDoNotMatch_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("wrong method") << u"DELETE"_s << u"/api/v1/spaces"_s;
    QTest::newRow("unknown path") << u"GET"_s << u"/api/v1/nothing-here"_s;
    QTest::newRow("empty placeholder") << u"GET"_s << u"/api/v1/spaces/"_s;
    QTest::newRow("too deep") << u"GET"_s << u"/api/v1/spaces/a/b/c/d"_s;
}

void TestApiOperationCatalog::unknownOperationsDoNotMatch()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QVERIFY(!ApiOperationCatalog::instance().match(method, path).has_value());
}

void TestApiOperationCatalog::everyOperationOfTheSpecIsPresent()
{
    // Cross-check the generated table against the spec itself, read independently here.
    QFile file(QStringLiteral(TENANTRY_SOURCE_DIR "/resources/qlik-cloud-api/openapi.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject paths = QJsonDocument::fromJson(file.readAll()).object().value(u"paths"_s).toObject();
    QVERIFY(!paths.isEmpty());

    const auto &catalog = ApiOperationCatalog::instance();
    qsizetype specOperations = 0;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto method = item.begin(); method != item.end(); ++method) {
            if (!QStringList{u"get"_s, u"put"_s, u"post"_s, u"patch"_s, u"delete"_s}.contains(method.key()))
                continue;
            ++specOperations;
            const QJsonObject tier = method.value().toObject().value(u"x-qlik-tier"_s).toObject();
            const bool found = std::any_of(
                catalog.operations().begin(), catalog.operations().end(), [&](const Cloud::ApiOperation &operation) {
                    return operation.pathTemplate == path.key() && operation.method == method.key().toUpper()
                        && operation.limitPerMinute == tier.value(u"limit"_s).toInt();
                });
            QVERIFY2(found, qPrintable(method.key() + u' ' + path.key()));
        }
    }
    // Plus the four operations of the organization API (org-operations.txt).
    QCOMPARE(catalog.operations().size(), specOperations + 4);
}

QTEST_GUILESS_MAIN(TestApiOperationCatalog)
#include "tst_apioperationcatalog.moc"
