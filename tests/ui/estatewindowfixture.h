#pragma once

#include "cloud/sandboxcredentials.h"
#include "estatesession.h"
#include "support/sandboxfixture.h"
#include "ui/mainwindow.h"

#include <functional>
#include <memory>
#include <QString>
#include <QTemporaryDir>

// What the UI tests of the estate window share: a session on the in-process sandbox with the
// seed's profiles (the organization one naming the seed's subscriptions), a private inventory and
// tag file, and the real MainWindow shown on it once the tenants have loaded.
//
//     m_estate = std::make_unique<EstateWindowFixture>(*m_sandbox);   // in init()
//     QVERIFY2(m_estate->open(), qPrintable(m_estate->error()));
class EstateWindowFixture
{
public:
    explicit EstateWindowFixture(TestSupport::SandboxFixture &sandbox);
    ~EstateWindowFixture();
    EstateWindowFixture(const EstateWindowFixture &) = delete;
    EstateWindowFixture &operator=(const EstateWindowFixture &) = delete;

    // The setup startSession() uses, for a test that needs to change it first.
    [[nodiscard]] EstateSession::Setup sessionSetup();
    EstateSession *startSession(const EstateSession::Setup &setup);
    EstateSession *startSession() { return startSession(sessionSetup()); }
    // A new MainWindow (1280×800, its jobs journalled in the fixture's folder) shown on the session,
    // after `beforeShow` has seen it; false (see error()) when the window was not exposed or the
    // tenants did not load within 20 s. A window shown before is closed first, as at a restart.
    [[nodiscard]] bool showWindow(const std::function<void(MainWindow *)> &beforeShow = {});
    // Both of the above.
    [[nodiscard]] bool open()
    {
        startSession();
        return showWindow();
    }
    void closeWindow() { m_window.reset(); }
    [[nodiscard]] QString error() const { return m_error; }

    [[nodiscard]] EstateSession *session() const { return m_session.get(); }
    [[nodiscard]] MainWindow *window() const { return m_window.get(); }
    // A path in the fixture's private folder.
    [[nodiscard]] QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    TestSupport::SandboxFixture &m_sandbox;
    QTemporaryDir m_dir;
    Cloud::SandboxCredentials m_secrets;
    std::unique_ptr<EstateSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QString m_error;
};
