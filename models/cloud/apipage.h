#pragma once

#include "cloud/apiresponse.h"

#include <QJsonArray>
#include <QMetaType>
#include <QUrl>

namespace Cloud {

// One page of a list, as a Pager streams it.
struct ApiPage
{
    int index = 0; // 0 for the first page
    QJsonArray items; // the page's `data` (or the items key the list was asked with)
    QUrl nextUrl; // links.next.href resolved against the page's URL; empty on the last page
    ApiResponse response; // the whole answer, for fields beyond the items (meta.count, totalResults)

    // Reads a list answer (FACTS §14.1): `itemsKey` must be an array; `links.next.href`, when
    // present, a URL string. A bare JSON array is a single page. On error returns false and sets
    // `error` to what is wrong.
    [[nodiscard]] static bool parse(const ApiResponse &response, const QString &itemsKey, ApiPage *page,
                                    QString *error);
};

} // namespace Cloud

Q_DECLARE_METATYPE(Cloud::ApiPage)
