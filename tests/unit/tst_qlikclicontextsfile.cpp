#include "cloud/qlikclicontextsfile.h"
#include "cloud/qlikcliimport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Cloud::CredentialTier;
using Cloud::QlikCliContext;
using Cloud::QlikCliContextsFile;
using Cloud::QlikCliImport;

// qlik-cli's contexts file read with yaml-cpp, and what each context becomes (no keychain here:
// tests/keychain/tst_qlikcliimport.cpp runs the import itself).
class TestQlikCliContextsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheSampleFile();
    void goodFiles_data();
    void goodFiles();
    void badFiles_data();
    void badFiles();
    void unreadableFiles();
    void defaultPathIsInTheHome();
    void candidates_data();
    void candidates();
    void refusals_data();
    void refusals();
    void profileNames_data();
    void profileNames();
};

void TestQlikCliContextsFile::readsTheSampleFile()
{
    const QString path = QStringLiteral(TENANTRY_SOURCE_DIR "/tests/unit/data/qlikcli-contexts.yml");
    const QlikCliContextsFile::Result file = QlikCliContextsFile::read(path);
    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.currentContext, u"acme-prod"_s);
    QStringList names;
    for (const QlikCliContext &context : file.contexts)
        names << context.name;
    QCOMPARE(names,
             QStringList({u"acme-prod"_s, u"me@cloud"_s, u"globex.us.qlikcloud.com"_s, u"register-eu"_s, u"local"_s,
                          u"me@qseow"_s})); // file order

    const QlikCliContext &acme = file.contexts.at(0);
    QCOMPARE(acme.line, 5);
    QCOMPARE(acme.column, 3);
    QVERIFY(acme.current);
    QCOMPARE(acme.server, u"https://acme.eu.qlikcloud.com"_s);
    QCOMPARE(acme.serverType, u"cloud"_s);
    QCOMPARE(acme.comment, u"Acme production"_s);
    QCOMPARE(acme.oauthClientId, u"7b2e4c1a9f3d8e6b5a4c3d2e1f0a9b8c"_s);
    QCOMPARE(acme.oauthClientSecret, u"acme-Sx8!q2-never-in-files"_s);
    QVERIFY(acme.apiKey.isEmpty());
    QVERIFY(acme.holdsSecret());

    const QlikCliContext &apiKey = file.contexts.at(1);
    QVERIFY(!apiKey.current);
    QCOMPARE(apiKey.apiKey, u"eyJhbGciOiJFUzM4NCJ9.api-key-never-in-files"_s); // "Bearer " removed
    QCOMPARE(apiKey.apiKeyField, u"headers"_s);
    QVERIFY(apiKey.otherHeaders.isEmpty());

    const QlikCliContext &globex = file.contexts.at(2);
    QCOMPARE(globex.oauthClientSecret, u"globex-Zq8v-never-in-files"_s);
    QCOMPARE(globex.otherHeaders, QStringList{u"X-Custom"_s});

    const QlikCliContext &local = file.contexts.at(4);
    QCOMPARE(local.serverType, u"engine"_s);
    QVERIFY(!local.holdsSecret());
    QCOMPARE(file.contexts.at(5).apiKeyField, u"api-key"_s);
}

void TestQlikCliContextsFile::goodFiles_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("firstServer");

    QTest::newRow("empty file") << QByteArray() << QStringList() << QString();
    QTest::newRow("only comments") << QByteArray("# nothing yet\n") << QStringList() << QString();
    QTest::newRow("no contexts key") << QByteArray("current-context: \"\"\n") << QStringList() << QString();
    QTest::newRow("contexts empty") << QByteArray("contexts:\ncurrent-context: a\n") << QStringList() << QString();
    QTest::newRow("context with nothing in it") << QByteArray("contexts:\n  a:\n") << QStringList{u"a"_s} << QString();
    QTest::newRow("flow style") << QByteArray("{contexts: {a: {server: 'https://a.eu.qlikcloud.com'}}}")
                                << QStringList{u"a"_s} << u"https://a.eu.qlikcloud.com"_s;
    QTest::newRow("CRLF line ends") << QByteArray("contexts:\r\n  a:\r\n    server: a.eu.qlikcloud.com\r\n")
                                    << QStringList{u"a"_s} << u"a.eu.qlikcloud.com"_s;
    QTest::newRow("unknown fields of any type")
        << QByteArray("version: 3\nextra: [1, 2]\ncontexts:\n  a:\n    server: s\n    certificates: /x\n    "
                      "insecure: true\n    future: {nested: [1]}\n")
        << QStringList{u"a"_s} << u"s"_s;
    QTest::newRow("numbers stay as written")
        << QByteArray("contexts:\n  007:\n    server: 0123\n") << QStringList{u"007"_s} << u"0123"_s;
    QTest::newRow("anchors and aliases") << QByteArray(
        "defaults: &d\n  server: https://a.eu.qlikcloud.com\ncontexts:\n  a: *d\n  b:\n    server: x\n")
                                         << QStringList{u"a"_s, u"b"_s} << u"https://a.eu.qlikcloud.com"_s;
    QTest::newRow("unicode") << QByteArray("contexts:\n  \xc3\xa9t\xc3\xa9:\n    comment: caf\xc3\xa9\n")
                             << QStringList{u"été"_s} << QString();
}

void TestQlikCliContextsFile::goodFiles()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, names);
    QFETCH(QString, firstServer);
    const QlikCliContextsFile::Result file = QlikCliContextsFile::parse(yaml, u"contexts.yml"_s);
    QVERIFY2(file.ok(), qPrintable(file.error));
    QStringList found;
    for (const QlikCliContext &context : file.contexts)
        found << context.name;
    QCOMPARE(found, names);
    if (!names.isEmpty())
        QCOMPARE(file.contexts.first().server, firstServer);
}

void TestQlikCliContextsFile::badFiles_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("unclosed flow list") << QByteArray("contexts:\n  a:\n    server: [x\n") << 4 << 1
                                        << u"not valid YAML: end of sequence flow not found"_s;
    QTest::newRow("bad indentation") << QByteArray("contexts:\n  a:\n    server: x\n   comment: y\n") << 4 << 4
                                     << u"not valid YAML: end of map not found"_s;
    QTest::newRow("tab indentation") << QByteArray("contexts:\n\ta:\n") << 2 << 3
                                     << u"not valid YAML: illegal map value"_s;
    QTest::newRow("colon in an unquoted secret")
        << QByteArray("contexts:\n  a:\n    oauth-client-secret: s3cr3t: more\n") << 3 << 32
        << u"not valid YAML: illegal map value"_s;
    QTest::newRow("text after a quoted secret")
        << QByteArray("contexts:\n  a:\n    oauth-client-secret: \"s3cr3t\" trailing\n") << 3 << 35
        << u"not valid YAML: end of map not found"_s;
    QTest::newRow("unclosed flow map") << QByteArray("contexts: {a: {server: x}\n") << 2 << 1
                                       << u"not valid YAML: end of map flow not found"_s;
    QTest::newRow("top level is a list") << QByteArray(
        "- a\n- b\n") << 1 << 1 << u"the file must be a map with 'contexts' and 'current-context', not a list"_s;
    QTest::newRow("top level is text") << QByteArray("hello\n") << 1 << 1
                                       << u"the file must be a map with 'contexts' and 'current-context', not text"_s;
    QTest::newRow("contexts is a list") << QByteArray("contexts:\n  - a\n") << 2 << 3
                                        << u"'contexts' must be a map of context names to contexts, not a list"_s;
    QTest::newRow("context is text") << QByteArray("contexts:\n  a: hello\n") << 2 << 6
                                     << u"context 'a': must be a map of fields such as 'server', not text"_s;
    QTest::newRow("server is a map") << QByteArray("contexts:\n  a:\n    server:\n      url: x\n") << 4 << 7
                                     << u"context 'a': 'server' must be text, not a map"_s;
    QTest::newRow("secret is a list") << QByteArray("contexts:\n  a:\n    oauth-client-secret: [s3cr3t-in-a-list]\n")
                                      << 3 << 26 << u"context 'a': 'oauth-client-secret' must be text, not a list"_s;
    QTest::newRow("headers is a list")
        << QByteArray("contexts:\n  a:\n    headers:\n      - Authorization\n") << 4 << 7
        << u"context 'a': 'headers' must be a map of header names to values, not a list"_s;
    QTest::newRow("header value is a map")
        << QByteArray("contexts:\n  a:\n    headers:\n      Authorization: {Bearer: s3cr3t}\n") << 4 << 22
        << u"context 'a': 'headers' 'Authorization' must be text, not a map"_s;
    QTest::newRow("current-context is a list")
        << QByteArray("current-context: [a]\n") << 1 << 18 << u"'current-context' must be text, not a list"_s;
    QTest::newRow("context defined twice") << QByteArray("contexts:\n  a:\n    server: x\n  b:\n  a:\n    server: y\n")
                                           << 5 << 3 << u"context 'a' is defined twice"_s;
    QTest::newRow("field given twice") << QByteArray(
        "contexts:\n  a:\n    oauth-client-secret: one\n    oauth-client-secret: two\n")
                                       << 4 << 5 << u"context 'a': 'oauth-client-secret' is given twice"_s;
    QTest::newRow("context name is a list")
        << QByteArray("contexts:\n  ? [a, b]\n  : {}\n") << 2 << 5 << u"context names must be text, not a list"_s;
}

void TestQlikCliContextsFile::badFiles()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const QlikCliContextsFile::Result file = QlikCliContextsFile::parse(yaml, u"/home/me/.qlik/contexts.yml"_s);
    QVERIFY(!file.ok());
    QVERIFY(file.contexts.isEmpty()); // all or nothing
    QCOMPARE(file.errorLine, line);
    QCOMPARE(file.errorColumn, column);
    const QString prefix = u"/home/me/.qlik/contexts.yml:%1:%2: "_s.arg(line).arg(column);
    QVERIFY2(file.error.startsWith(prefix + message), qPrintable(file.error));
    QVERIFY2(!file.error.contains(u"s3cr3t"_s), qPrintable(file.error)); // values are never quoted
}

void TestQlikCliContextsFile::unreadableFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(u"contexts.yml"_s);
    QlikCliContextsFile::Result file = QlikCliContextsFile::read(missing);
    QCOMPARE(file.error, missing + u": no such file (qlik-cli keeps its contexts in ~/.qlik/contexts.yml)"_s);

    file = QlikCliContextsFile::read(dir.path()); // a directory
    QVERIFY2(file.error.startsWith(dir.path() + u": cannot be read: "_s), qPrintable(file.error));

    QFile big(dir.filePath(u"big.yml"_s));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(1024 * 1024 + 1, '#'));
    big.close();
    file = QlikCliContextsFile::read(big.fileName());
    QCOMPARE(file.error, big.fileName() + u": larger than 1 MiB, which no qlik-cli contexts file is"_s);
}

void TestQlikCliContextsFile::defaultPathIsInTheHome()
{
    QCOMPARE(QlikCliContextsFile::defaultPath(), QDir::homePath() + u"/.qlik/contexts.yml"_s);
}

void TestQlikCliContextsFile::candidates_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("comment");
    QTest::addColumn<int>("tier");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("label");

    const int tenant = int(CredentialTier::Tenant);
    QTest::newRow("tenant URL") << u"https://acme.eu.qlikcloud.com"_s << QString() << tenant
                                << u"acme.eu.qlikcloud.com"_s << u"qlik-cli context 'ctx'"_s;
    QTest::newRow("trailing slash, capitals")
        << u"https://Acme.EU.qlikcloud.com/"_s << u"Prod"_s << tenant << u"acme.eu.qlikcloud.com"_s << u"Prod"_s;
    QTest::newRow("bare host") << u"acme.us.qlikcloud.com"_s << QString() << tenant << u"acme.us.qlikcloud.com"_s
                               << u"qlik-cli context 'ctx'"_s;
    QTest::newRow("explicit port 443") << u"https://acme.eu.qlikcloud.com:443"_s << QString() << tenant
                                       << u"acme.eu.qlikcloud.com"_s << u"qlik-cli context 'ctx'"_s;
    QTest::newRow("alias hostname") << u"https://analytics.example.com"_s << QString() << tenant
                                    << u"analytics.example.com"_s << u"qlik-cli context 'ctx'"_s;
    QTest::newRow("register host") << u"https://register.eu.qlikcloud.com"_s << QString() << int(CredentialTier::Region)
                                   << u"eu"_s << u"qlik-cli context 'ctx'"_s;
    QTest::newRow("console") << u"https://console.qlikcloud.com"_s << QString() << int(CredentialTier::Organization)
                             << QString() << u"qlik-cli context 'ctx'"_s;
}

void TestQlikCliContextsFile::candidates()
{
    QFETCH(QString, server);
    QFETCH(QString, comment);
    QFETCH(int, tier);
    QFETCH(QString, scope);
    QFETCH(QString, label);
    QlikCliContext context;
    context.name = u"ctx"_s;
    context.line = 3;
    context.server = server;
    context.comment = comment;
    context.oauthClientId = u"client-1"_s;
    context.oauthClientSecret = u"secret-1"_s;
    const QlikCliImport::Candidate candidate = QlikCliImport::candidateFor(context);
    QVERIFY2(candidate.refusal.isEmpty(), qPrintable(candidate.refusal));
    QCOMPARE(int(candidate.profile.tier), tier);
    QCOMPARE(candidate.profile.name, u"ctx"_s);
    QCOMPARE(candidate.profile.clientId, u"client-1"_s);
    QCOMPARE(candidate.secret, u"secret-1"_s);
    QCOMPARE(candidate.profile.label, label);
    QCOMPARE(candidate.profile.tier == CredentialTier::Tenant ? candidate.profile.tenantHost : candidate.profile.region,
             scope);
    QCOMPARE(candidate.profile.validationError(), QString());
    QVERIFY(candidate.note.isEmpty());
}

void TestQlikCliContextsFile::refusals_data()
{
    QTest::addColumn<QString>("yaml"); // one context named "c" on line 2
    QTest::addColumn<QString>("refusal");

    const QString oauth = u"    oauth-client-id: id\n    oauth-client-secret: s3cr3t\n"_s;
    QTest::newRow("API key in headers")
        << u"    server: https://a.eu.qlikcloud.com\n    headers:\n      Authorization: Bearer s3cr3t\n"_s
        << u"context 'c' (line 2): 'headers' holds an API key; Tenantry signs in with OAuth clients only, so the "
           "context was not imported and the key was not copied anywhere. Create an OAuth client for this tenant "
           "and add it with 'tenantryctl credentials set'"_s;
    QTest::newRow("API key field") << u"    server: https://a.eu.qlikcloud.com\n    api-key: s3cr3t\n"_s
                                   << u"context 'c' (line 2): 'api-key' holds an API key; "_s;
    QTest::newRow("no credentials") << u"    server: https://a.eu.qlikcloud.com\n"_s
                                    << u"context 'c' (line 2): 'oauth-client-id' and 'oauth-client-secret' are "
                                       "missing: there is no OAuth client to import"_s;
    QTest::newRow("secret without id") << u"    server: a.eu.qlikcloud.com\n    oauth-client-secret: s3cr3t\n"_s
                                       << u"context 'c' (line 2): 'oauth-client-id' is missing (the context has "
                                          "only an 'oauth-client-secret')"_s;
    QTest::newRow("id without secret") << u"    server: a.eu.qlikcloud.com\n    oauth-client-id: id\n"_s
                                       << u"context 'c' (line 2): 'oauth-client-secret' is missing or empty"_s;
    QTest::newRow("no server") << oauth
                               << u"context 'c' (line 2): 'server' is missing: it should be the tenant URL, e.g. "
                                  "https://acme.eu.qlikcloud.com"_s;
    QTest::newRow("Windows server type") << u"    server: https://qseow.domain.com\n    server-type: Windows\n"_s
            + oauth
                                         << u"context 'c' (line 2): 'server-type' is 'Windows', not 'cloud': "
                                            "Tenantry manages Qlik Cloud only"_s;
    QTest::newRow("plain http") << u"    server: http://a.eu.qlikcloud.com\n"_s + oauth
                                << u"context 'c' (line 2): 'server' 'http://a.eu.qlikcloud.com' is not https; Qlik "
                                   "Cloud is served over https only"_s;
    QTest::newRow("engine port") << u"    server: localhost:9076\n"_s + oauth
                                 << u"context 'c' (line 2): 'server' 'localhost:9076' has a port, path or query"_s;
    QTest::newRow("proxy path") << u"    server: https://qseow.domain.com/jwt\n"_s + oauth
                                << u"context 'c' (line 2): 'server' 'https://qseow.domain.com/jwt' has a port, path "
                                   "or query"_s;
    QTest::newRow("IP address") << u"    server: https://10.0.0.8\n"_s + oauth
                                << u"context 'c' (line 2): 'server' 'https://10.0.0.8': '10.0.0.8' is an IP "
                                   "address, not a Qlik Cloud hostname"_s;
    QTest::newRow("unknown register region") << u"    server: register.xx.qlikcloud.com\n"_s + oauth
                                             << u"context 'c' (line 2): 'server' 'register.xx.qlikcloud.com': "
                                                "'register.xx.qlikcloud.com' names an unknown region 'xx'"_s;
}

void TestQlikCliContextsFile::refusals()
{
    QFETCH(QString, yaml);
    QFETCH(QString, refusal);
    const QlikCliContextsFile::Result file
        = QlikCliContextsFile::parse(u"contexts:\n  c:\n"_s.toUtf8() + yaml.toUtf8(), u"f.yml"_s);
    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.contexts.size(), 1);
    const QlikCliImport::Candidate candidate = QlikCliImport::candidateFor(file.contexts.first());
    QVERIFY2(candidate.refusal.startsWith(refusal), qPrintable(candidate.refusal));
    QVERIFY2(!candidate.refusal.contains(u"s3cr3t"_s), qPrintable(candidate.refusal));
    QVERIFY(candidate.secret.isEmpty());
}

void TestQlikCliContextsFile::profileNames_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("kept") << u"acme-prod_2"_s << u"acme-prod_2"_s << QString();
    QTest::newRow("qlik context init's default")
        << u"acme.eu.qlikcloud.com"_s << u"acme-eu-qlikcloud-com"_s << QString();
    QTest::newRow("user at cloud") << u"me@cloud"_s << u"me-cloud"_s << QString();
    QTest::newRow("spaces and accents") << u"Prod Tenant é"_s << u"Prod-Tenant--"_s << QString();
    QTest::newRow("too long")
        << QString(65, u'a') << QString()
        << u"context '%1' (line 1): profile name '%1' must be 1 to 64 letters, digits, '-' or '_'"_s.arg(
               QString(65, u'a'));
}

void TestQlikCliContextsFile::profileNames()
{
    QFETCH(QString, context);
    QFETCH(QString, profile);
    QFETCH(QString, refusal);
    QlikCliContext parsed;
    parsed.name = context;
    parsed.line = 1;
    parsed.server = u"acme.eu.qlikcloud.com"_s;
    parsed.oauthClientId = u"id"_s;
    parsed.oauthClientSecret = u"secret"_s;
    const QlikCliImport::Candidate candidate = QlikCliImport::candidateFor(parsed);
    QCOMPARE(candidate.refusal, refusal);
    if (refusal.isEmpty())
        QCOMPARE(candidate.profile.name, profile);
}

QTEST_GUILESS_MAIN(TestQlikCliContextsFile)
#include "tst_qlikclicontextsfile.moc"
