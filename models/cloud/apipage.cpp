#include "cloud/apipage.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool ApiPage::parse(const ApiResponse &response, const QString &itemsKey, ApiPage *page, QString *error)
{
    page->response = response;
    page->items = {};
    page->nextUrl = {};
    const QJsonDocument &document = response.json;
    if (document.isArray()) {
        page->items = document.array(); // a bare array: one page, no links
        return true;
    }
    if (!document.isObject())
        return fail(error, u"the list answer is not a JSON object"_s);

    const QJsonObject root = document.object();
    const QJsonValue items = root.value(itemsKey);
    if (!items.isArray())
        return fail(error, u"the list answer has no '%1' array"_s.arg(itemsKey));
    page->items = items.toArray();

    const QJsonValue links = root.value(u"links"_s);
    if (links.isUndefined() || links.isNull())
        return true;
    if (!links.isObject())
        return fail(error, u"'links' is not an object"_s);
    const QJsonValue next = links.toObject().value(u"next"_s);
    if (next.isUndefined() || next.isNull())
        return true;
    const QJsonValue href = next.toObject().value(u"href"_s);
    // The data-files API always sends next (its LinksResponse requires it) with a null href on the
    // last page.
    if (next.isObject() && href.isNull())
        return true;
    if (!next.isObject() || !href.isString() || href.toString().isEmpty())
        return fail(error, u"'links.next' has no 'href' string"_s);
    // Absolute in Qlik's answers (FACTS §17), possibly on another host form; resolve in case one is relative.
    const QUrl target(href.toString(), QUrl::StrictMode);
    if (!target.isValid())
        return fail(error, u"'links.next.href' is not a URL: %1"_s.arg(href.toString().left(200)));
    page->nextUrl = response.url.resolved(target);
    if (page->nextUrl.scheme().isEmpty() || page->nextUrl.host().isEmpty())
        return fail(error,
                    u"'links.next.href' does not resolve to an absolute URL: %1"_s.arg(href.toString().left(200)));
    return true;
}

} // namespace Cloud
