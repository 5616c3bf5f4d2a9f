#pragma once

#include "cloud/apicall.h"
#include "cloud/apierror.h"
#include "cloud/apipage.h"
#include "cloud/apiresult.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace Cloud {

class ApiRequest;
class CloudClient;

// Streams a list page by page (FACTS §14.1): every paging style Qlik uses — cursor next/prev, page
// cursors, id anchors, link-only cursors — comes down to following `links.next.href` verbatim
// (absolute, possibly another host form; it still goes through the connect-to map) until it is
// absent; lists without paging (`data[]` only) are one page. One `pageReceived` per page, then
// exactly one `finished`. Cancel at any point; the pager deletes itself after `finished`.
class Pager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pager)

public:
    ~Pager() override;

    void cancel();
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] int pageCount() const { return m_pages; }
    [[nodiscard]] qsizetype itemCount() const { return m_items; }
    [[nodiscard]] const ApiError &error() const { return m_error; }

Q_SIGNALS:
    void pageReceived(const Cloud::ApiPage &page);
    // Null error when the last page was received; kind Cancelled after cancel().
    void finished(const Cloud::ApiError &error);

private:
    friend class CloudClient;
    Pager(CloudClient *client, ApiCall firstPage, QString itemsKey);

    void start();
    void fetch(const ApiCall &call);
    void onResult(const ApiResult &result);
    void finish(const ApiError &error, bool deferSignal = false);

    CloudClient *m_client;
    ApiCall m_firstPage;
    QString m_itemsKey;
    QPointer<ApiRequest> m_request;
    QSet<QString> m_visited;
    int m_pages = 0;
    qsizetype m_items = 0;
    ApiError m_error;
    bool m_finished = false;
};

} // namespace Cloud
