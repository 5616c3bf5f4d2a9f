#include "cloud/pager.h"

#include "cloud/apirequest.h"
#include "cloud/cloudclient.h"
#include "cloud/cloudlogging.h"
#include "cloud/redaction.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

Pager::Pager(CloudClient *client, ApiCall firstPage, QString itemsKey)
    : QObject(client)
    , m_client(client)
    , m_firstPage(std::move(firstPage))
    , m_itemsKey(std::move(itemsKey))
{ }

Pager::~Pager()
{
    if (m_request)
        m_request->disconnect(this);
    m_client->forget(this);
}

void Pager::start()
{
    if (!m_finished)
        fetch(m_firstPage);
}

void Pager::fetch(const ApiCall &call)
{
    m_visited.insert(call.logicalUrl().toString(QUrl::FullyEncoded));
    m_request = m_client->send(call);
    connect(m_request, &ApiRequest::finished, this, &Pager::onResult);
}

void Pager::onResult(const ApiResult &result)
{
    m_request = nullptr;
    if (m_finished)
        return;
    if (!result.ok()) {
        finish(result.error());
        return;
    }
    const QUrl url = result.response().url;
    const auto malformed = [&](const QString &detail) {
        ApiError error(ApiError::Kind::MalformedResponse, detail);
        error.setRequest("GET", url).setHttpStatus(result.status());
        finish(error);
    };

    ApiPage page;
    page.index = m_pages;
    QString problem;
    if (!ApiPage::parse(result.response(), m_itemsKey, &page, &problem)) {
        malformed(u"page %1: %2"_s.arg(QString::number(m_pages + 1), problem));
        return;
    }

    ++m_pages;
    m_items += page.items.size();
    qCDebug(lcCloudPaging).noquote() << "page" << m_pages << "of" << Redaction::urlForLog(m_firstPage.logicalUrl())
                                     << ":" << page.items.size() << "items"
                                     << (page.nextUrl.isEmpty() ? u"(last)"_s : QString());
    const QUrl nextUrl = page.nextUrl;
    Q_EMIT pageReceived(page);
    if (m_finished) // cancelled by a receiver
        return;
    if (nextUrl.isEmpty()) {
        finish({});
        return;
    }
    if (m_visited.contains(nextUrl.toString(QUrl::FullyEncoded))) {
        malformed(u"links.next.href of page %1 points back to a page already read (%2)"_s.arg(
            QString::number(m_pages), Redaction::urlForLog(nextUrl)));
        return;
    }
    ApiCall next = ApiCall::fromUrl("GET", nextUrl);
    next.auth = m_firstPage.auth;
    next.profileName = m_firstPage.profileName;
    next.regionHint = m_firstPage.regionHint;
    next.transferTimeout = m_firstPage.transferTimeout;
    next.headers = m_firstPage.headers;
    fetch(next);
}

void Pager::cancel()
{
    if (m_finished)
        return;
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
        m_request = nullptr;
    }
    ApiError error(ApiError::Kind::Cancelled, u"listing cancelled after %1 pages"_s.arg(m_pages));
    error.setRequest("GET", m_firstPage.logicalUrl());
    finish(error, true);
}

void Pager::finish(const ApiError &error, bool deferSignal)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    const auto emitFinished = [this] {
        Q_EMIT finished(m_error);
        deleteLater();
    };
    if (deferSignal)
        QMetaObject::invokeMethod(this, emitFinished, Qt::QueuedConnection);
    else
        emitFinished();
}

} // namespace Cloud
