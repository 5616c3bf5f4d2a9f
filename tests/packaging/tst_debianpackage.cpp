#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString appId = u"io.github.tenantry.Tenantry"_s;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        return {-1, {}, "did not finish: " + program.toUtf8() + ' ' + process.errorString().toUtf8()};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDebianPackage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void controlFields();
    void dependsOnLinkedLibrariesAndRuntimePlugins();
    void containsExactlyTheShippedFiles();
    void desktopEntryIsValid();
    void metainfoIsValid();
    void hicolorIconsHaveTheirSizes();
    void installedProgramsUseTheSystemQt();
    void installedTenantryctlRuns();
    void installedSandboxRuns();
    void installedGuiStartsAndQuitsOnSigterm();

private:
    [[nodiscard]] QString installed(const QString &path) const { return m_root + path; }
    [[nodiscard]] QProcessEnvironment scratchEnvironment() const;

    QTemporaryDir m_scratch;
    QString m_deb;
    QString m_root;
    QByteArray m_info;
};

void TestDebianPackage::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    const Run cpack
        = run(QStringLiteral(TENANTRY_CPACK),
              {u"-G"_s, u"DEB"_s, u"-B"_s, m_scratch.path(), u"--config"_s, QStringLiteral(TENANTRY_CPACK_CONFIG)});
    QVERIFY2(cpack.exitCode == 0, QByteArray(cpack.out + cpack.err).constData());
    const QStringList debs = QDir(m_scratch.path()).entryList({u"*.deb"_s}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = m_scratch.filePath(debs.first());

    const Run info = run(u"dpkg-deb"_s, {u"--info"_s, m_deb});
    QVERIFY2(info.exitCode == 0, info.err.constData());
    m_info = info.out;

    m_root = m_scratch.filePath(u"root"_s);
    const Run extract = run(u"dpkg"_s, {u"-x"_s, m_deb, m_root});
    QVERIFY2(extract.exitCode == 0, extract.err.constData());
}

QProcessEnvironment TestDebianPackage::scratchEnvironment() const
{
    // A fresh home, so the programs' settings and logs land in the scratch folder. LD_LIBRARY_PATH is left
    // as it is: the installed programs must find the system's Qt by themselves.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString home = m_scratch.filePath(u"home"_s);
    QDir().mkpath(home);
    environment.insert(u"HOME"_s, home);
    for (const QString &name :
         {u"XDG_CONFIG_HOME"_s, u"XDG_DATA_HOME"_s, u"XDG_CACHE_HOME"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        environment.remove(name);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    return environment;
}

void TestDebianPackage::controlFields()
{
    const Run field = run(u"dpkg-deb"_s,
                          {u"--show"_s,
                           u"--showformat=${Package}|${Version}|${Architecture}|"
                           u"${Section}|${Priority}|${Maintainer}|${Homepage}"_s,
                           m_deb});
    QVERIFY2(field.exitCode == 0, field.err.constData());
    const Run architecture = run(u"dpkg"_s, {u"--print-architecture"_s});
    const QList<QByteArray> fields = field.out.split('|');
    QCOMPARE(fields.size(), 7);
    QCOMPARE(fields[0], "tenantry");
    QCOMPARE(fields[1], TENANTRY_VERSION);
    QCOMPARE(fields[2], architecture.out.trimmed());
    QCOMPARE(fields[3], "net");
    QCOMPARE(fields[4], "optional");
    QVERIFY2(fields[5].contains('<') && fields[5].endsWith('>'), fields[5].constData());
    QVERIFY(fields[6].startsWith("https://"));
    // Debian's description: a summary line, then indented lines under 80 columns.
    QVERIFY2(m_info.contains("Description: Desktop console for Qlik Cloud platform operations\n  Tenantry operates"),
             m_info.constData());
    QVERIFY(m_info.contains("\n  .\n"));
}

void TestDebianPackage::dependsOnLinkedLibrariesAndRuntimePlugins()
{
    const Run depends = run(u"dpkg-deb"_s, {u"--field"_s, m_deb, u"Depends"_s});
    QVERIFY2(depends.exitCode == 0, depends.err.constData());
    QStringList packages;
    for (const QByteArray &entry : depends.out.trimmed().split(','))
        packages << QString::fromUtf8(entry.trimmed().split(' ').first());

    // What dpkg-shlibdeps found in the programs' ELF dependencies.
    for (const QString &library : {u"libc6"_s, u"libqt6core6"_s, u"libqt6gui6"_s, u"libqt6widgets6"_s,
                                   u"libqt6network6"_s, u"libqt6httpserver6"_s, u"libqt6keychain1"_s})
        QVERIFY2(packages.contains(library), qPrintable(library + u" missing from "_s + packages.join(u", ")));

    // What Qt loads at run time: whichever package ships each plugin on this system must be declared.
    const QString plugins = QLibraryInfo::path(QLibraryInfo::PluginsPath);
    for (const QString &plugin :
         {u"/platforms/libqxcb.so"_s, u"/iconengines/libqsvgicon.so"_s, u"/imageformats/libqsvg.so"_s}) {
        const Run owner = run(u"dpkg-query"_s, {u"--search"_s, plugins + plugin});
        QVERIFY2(owner.exitCode == 0, owner.err.constData());
        const QString package = QString::fromUtf8(owner.out.left(owner.out.indexOf(':')));
        QVERIFY2(packages.contains(package),
                 qPrintable(package + u" (ships "_s + plugin + u") missing from "_s + packages.join(u", ")));
    }
    QVERIFY2(!packages.contains(u"libqt6test6"_s), depends.out.constData());
}

void TestDebianPackage::containsExactlyTheShippedFiles()
{
    QStringList expected{
        u"/usr/bin/tenantry"_s,
        u"/usr/bin/tenantryctl"_s,
        u"/usr/bin/tenantry-sandbox"_s,
        u"/usr/share/applications/%1.desktop"_s.arg(appId),
        u"/usr/share/metainfo/%1.metainfo.xml"_s.arg(appId),
        u"/usr/share/icons/hicolor/scalable/apps/%1.svg"_s.arg(appId),
    };
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        expected << u"/usr/share/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(appId);
    expected.sort();

    QStringList files;
    QDirIterator it(m_root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next().mid(m_root.size());
    files.sort();
    QCOMPARE(files, expected);

    for (const QString &program : {u"tenantry"_s, u"tenantryctl"_s, u"tenantry-sandbox"_s})
        QVERIFY(QFileInfo(installed(u"/usr/bin/"_s + program)).isExecutable());
}

void TestDebianPackage::desktopEntryIsValid()
{
    const QString desktop = installed(u"/usr/share/applications/%1.desktop"_s.arg(appId));
    const Run validate = run(u"desktop-file-validate"_s, {desktop});
    QVERIFY2(validate.exitCode == 0,
             QByteArray("desktop-file-validate (desktop-file-utils): " + validate.out + validate.err).constData());
    QVERIFY2(validate.out.isEmpty(), validate.out.constData()); // not even a hint

    const QByteArray entry = readFile(desktop);
    QVERIFY(entry.contains("\nExec=tenantry\n"));
    QVERIFY(entry.contains(QByteArray("\nIcon=" + appId.toUtf8() + '\n')));
}

void TestDebianPackage::metainfoIsValid()
{
    const QString metainfo = installed(u"/usr/share/metainfo/%1.metainfo.xml"_s.arg(appId));
    const Run validate = run(u"appstreamcli"_s, {u"validate"_s, u"--no-net"_s, metainfo});
    QVERIFY2(validate.exitCode == 0,
             QByteArray("appstreamcli (appstream): " + validate.out + validate.err).constData());

    const QByteArray xml = readFile(metainfo);
    QVERIFY(xml.contains(QByteArray("<id>" + appId.toUtf8() + "</id>")));
    QVERIFY(xml.contains(QByteArray("<launchable type=\"desktop-id\">" + appId.toUtf8() + ".desktop</launchable>")));
    // Every version the project builds has its release entry.
    QVERIFY2(xml.contains("<release version=\"" TENANTRY_VERSION "\""),
             "add a <release> for " TENANTRY_VERSION " to packaging/io.github.tenantry.Tenantry.metainfo.xml");
}

void TestDebianPackage::hicolorIconsHaveTheirSizes()
{
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        const QImage icon(installed(u"/usr/share/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(appId)));
        QCOMPARE(icon.size(), QSize(size, size));
        QVERIFY(icon.hasAlphaChannel());
        QCOMPARE(icon.pixelColor(0, 0).alpha(), 0); // rounded corners stay transparent
        QCOMPARE(icon.pixelColor(size / 2, size - size / 5).alpha(), 255); // the face is painted
    }
    QVERIFY(readFile(installed(u"/usr/share/icons/hicolor/scalable/apps/%1.svg"_s.arg(appId))).contains("<svg"));
}

void TestDebianPackage::installedProgramsUseTheSystemQt()
{
    for (const QString &program : {u"tenantry"_s, u"tenantryctl"_s, u"tenantry-sandbox"_s}) {
        const Run ldd = run(u"ldd"_s, {installed(u"/usr/bin/"_s + program)});
        QVERIFY2(ldd.exitCode == 0, ldd.err.constData());
        QVERIFY2(!ldd.out.contains("not found"), ldd.out.constData());
        QVERIFY2(!ldd.out.contains(TENANTRY_BUILD_DIR), ldd.out.constData());
        static const QRegularExpression qtCore(uR"(libQt6Core\.so\.6 => (/usr)?/lib/)"_s);
        QVERIFY2(qtCore.match(QString::fromUtf8(ldd.out)).hasMatch(), ldd.out.constData());
    }
}

void TestDebianPackage::installedTenantryctlRuns()
{
    const Run version = run(installed(u"/usr/bin/tenantryctl"_s), {u"--version"_s}, scratchEnvironment());
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), "tenantryctl " TENANTRY_VERSION);
}

void TestDebianPackage::installedSandboxRuns()
{
    const Run version = run(installed(u"/usr/bin/tenantry-sandbox"_s), {u"--version"_s}, scratchEnvironment());
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), "tenantry-sandbox " TENANTRY_VERSION);
}

void TestDebianPackage::installedGuiStartsAndQuitsOnSigterm()
{
    const QProcessEnvironment environment = scratchEnvironment();
    const QString home = environment.value(u"HOME"_s);
    const QString log = home + u"/.local/share/Tenantry/Tenantry/logs/tenantry.log"_s;

    QProcess gui;
    gui.setProcessEnvironment(environment);
    gui.setStandardInputFile(QProcess::nullDevice());
    gui.start(installed(u"/usr/bin/tenantry"_s), {});
    QVERIFY2(gui.waitForStarted(), qPrintable(gui.errorString()));

    // The GUI logs once its main window is up; that is "started" from the outside.
    QTRY_VERIFY2_WITH_TIMEOUT(readFile(log).contains("Main window shown") || gui.state() == QProcess::NotRunning,
                              gui.readAllStandardError().constData(), 30000);
    QVERIFY2(gui.state() == QProcess::Running, gui.readAllStandardError().constData());

    QCOMPARE(::kill(static_cast<pid_t>(gui.processId()), SIGTERM), 0);
    QVERIFY(gui.waitForFinished(30000));
    QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
    QCOMPARE(gui.exitCode(), 0);

    const QByteArray written = readFile(log);
    QVERIFY2(written.contains("info tenantry.app: Tenantry " TENANTRY_VERSION " starting"), written.constData());
    QVERIFY2(written.contains("Termination signal received"), written.constData());
    QVERIFY2(written.contains("Tenantry exits with code 0"), written.constData());
    // The SVG icon engine was found (libqt6svg6 / qt6-svg-plugins), and nothing went wrong.
    QVERIFY2(!written.contains("Cannot draw SVG icons"), written.constData());
    QVERIFY2(!written.contains(" critical "), written.constData());
    // Closing went through the window, which saved its layout.
    QVERIFY(readFile(home + u"/.config/Tenantry/Tenantry.conf"_s).contains("[MainWindow]"));
}

QTEST_GUILESS_MAIN(TestDebianPackage)
#include "tst_debianpackage.moc"
