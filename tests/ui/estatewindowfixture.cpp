#include "estatewindowfixture.h"

#include "estatemodel.h"
#include "jobboard.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

EstateWindowFixture::EstateWindowFixture(TestSupport::SandboxFixture &sandbox)
    : m_sandbox(sandbox)
{ }

EstateWindowFixture::~EstateWindowFixture()
{
    m_window.reset(); // before the session it shows
    m_session.reset();
}

EstateSession::Setup EstateWindowFixture::sessionSetup()
{
    EstateSession::Setup setup;
    setup.mode = EstateSession::Mode::Sandbox;
    setup.description = u"Sandbox (demo)"_s;
    setup.secrets = &m_secrets;
    setup.connectTo = Cloud::ConnectToMap::sandbox(m_sandbox.port());
    QStringList subscriptions;
    for (const auto &subscription : m_sandbox.http().state(u"-"_s).value(u"subscriptions"_s).toArray())
        subscriptions.append(subscription.toObject().value(u"id"_s).toString());
    setup.profiles = Cloud::SandboxCredentials::profiles(subscriptions);
    setup.inventoryFile = m_dir.filePath(u"inventory.jsonl"_s);
    setup.tagSettingsFile = m_dir.filePath(u"tags.ini"_s);
    return setup;
}

EstateSession *EstateWindowFixture::startSession(const EstateSession::Setup &setup)
{
    m_window.reset();
    m_session = std::make_unique<EstateSession>(setup);
    return m_session.get();
}

bool EstateWindowFixture::showWindow(const std::function<void(MainWindow *)> &beforeShow)
{
    m_window.reset();
    m_window = std::make_unique<MainWindow>();
    m_window->jobBoard()->setJournalDirectory(m_dir.filePath(u"journals"_s));
    if (beforeShow)
        beforeShow(m_window.get());
    m_window->resize(1280, 800);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get())) {
        m_error = u"the main window was not exposed"_s;
        return false;
    }
    if (!m_session) {
        m_error = u"no session: call startSession() first"_s;
        return false;
    }
    m_window->setSession(m_session.get());
    const QDeadlineTimer deadline(20000);
    while (m_session->model()->isLoadingTenants() && !deadline.hasExpired())
        QTest::qWait(10);
    if (m_session->model()->isLoadingTenants()) {
        m_error = u"the tenants did not load within 20 s"_s;
        return false;
    }
    return true;
}
