#pragma once

#include "cloud/resources/parsed.h"

#include <optional>
#include <QList>
#include <QUrl>

namespace Cloud {

// One page of a Qlik list response: `{"data": [...], "links": {"next": {"href": ...}}}` plus
// whichever total the endpoint reports (`totalResults`, or `meta.count` for spaces and
// assignments; FACTS §14.1). `next` is followed verbatim and is empty on the last page.
template<typename T>
struct ResourcePage
{
    QList<T> items;
    QUrl next;
    std::optional<qint64> total;

    // Reads a page from an already parsed body; errors go to `reader`.
    template<typename Read>
    [[nodiscard]] static ResourcePage read(JsonReader &reader, Read readItem)
    {
        ResourcePage page;
        page.items = reader.list<T>(u"data", readItem, true);
        JsonReader links = reader.object(u"links");
        page.next = links.href(u"next");
        page.total = reader.optionalInteger(u"totalResults");
        if (!page.total) {
            JsonReader meta = reader.object(u"meta");
            page.total = meta.optionalInteger(u"count");
        }
        return page;
    }

    template<typename Read>
    [[nodiscard]] static Parsed<ResourcePage> parse(const QByteArray &body, Read readItem)
    {
        return parseResource<ResourcePage>(body, [&](JsonReader &reader) { return read(reader, readItem); });
    }

    [[nodiscard]] static Parsed<ResourcePage> parse(const QByteArray &body) { return parse(body, &T::read); }

    // Reads the items of a page someone else already split off (Cloud::Pager's ApiPage::items);
    // errors name them "data[i]...".
    template<typename Read>
    [[nodiscard]] static Parsed<QList<T>> readItems(const QJsonArray &items, Read readItem)
    {
        JsonReader reader(QJsonObject{{QStringLiteral("data"), items}});
        QList<T> values = reader.list<T>(u"data", readItem, true);
        if (!reader.ok())
            return {std::nullopt, reader.error()};
        return {std::move(values), {}};
    }
};

} // namespace Cloud
