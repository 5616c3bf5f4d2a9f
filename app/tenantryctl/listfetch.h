#pragma once

#include "cloud/apicall.h"
#include "cloud/apierror.h"
#include "cloud/apipage.h"
#include "cloud/cloudclient.h"
#include "cloud/pager.h"
#include "cloud/resources/resourcepage.h"

#include <functional>
#include <memory>
#include <QObject>

// Reads every page of a Qlik list into typed values: the client's Pager follows links.next.href,
// each page's items are parsed strictly (a malformed item stops the listing with a message naming
// the page and field). `done` is called once, with the values or what went wrong.
class ListFetch
{
public:
    template<typename T, typename Read>
    static void all(Cloud::CloudClient &client, const Cloud::ApiCall &firstPage, QObject *context, Read readItem,
                    std::function<void(QList<T> values, QString error)> done)
    {
        auto values = std::make_shared<QList<T>>();
        auto problem = std::make_shared<QString>();
        Cloud::Pager *pager = client.list(firstPage);
        QObject::connect(pager, &Cloud::Pager::pageReceived, context,
                         [values, problem, pager, readItem](const Cloud::ApiPage &page) {
                             if (!problem->isEmpty())
                                 return;
                             Cloud::Parsed<QList<T>> parsed = Cloud::ResourcePage<T>::readItems(page.items, readItem);
                             if (!parsed.ok()) {
                                 *problem = QStringLiteral("unexpected answer from %1 (page %2): %3")
                                                .arg(page.response.url.toDisplayString(QUrl::RemoveQuery))
                                                .arg(page.index + 1)
                                                .arg(parsed.error);
                                 pager->cancel();
                                 return;
                             }
                             values->append(std::move(*parsed.value));
                         });
        QObject::connect(pager, &Cloud::Pager::finished, context,
                         [values, problem, done = std::move(done)](const Cloud::ApiError &error) {
                             if (!problem->isEmpty())
                                 done({}, *problem);
                             else if (!error.isNull())
                                 done({}, error.message());
                             else
                                 done(std::move(*values), {});
                         });
    }
};
