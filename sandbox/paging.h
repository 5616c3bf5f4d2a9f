#pragma once

#include "sandbox/apierror.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sandbox {

class RequestContext;

// The paging styles of FACTS §14.1. Every style returns absolute links on the request's host.
enum class PagingStyle {
    NextPrev, // ?limit&next&prev; links.self/next/prev.href (users, groups, spaces, ...)
    Page, // ?limit&page; links.next/prev.href (license assignments, data connections, data files)
    IdAnchors, // ?limit&startingAfter&endingBefore (web integrations)
    CursorParam, // ?limit&cursor; links.next/prev.href (automations)
};

// How a cursor looks: opaque (an encoded position, robust to inserts and deletes) or the plain id
// of the first item of the page (the organization API's "cursor = tenant id", FACTS §3.4).
enum class CursorForm { Opaque, RawId };

struct PageLimits
{
    int defaultLimit = 20;
    int maxLimit = 100;
    int minLimit = 1;
};

// One page of an ordered result.
struct Page
{
    qsizetype begin = 0; // first index in the ordered list
    qsizetype end = 0; // one past the last
    QJsonObject links; // {"self":{"href"}, "next":{"href"}?, "prev":{"href"}?}
};

// Reads the paging parameters of a list request and cuts one page out of the full ordered result.
//
//     Paging paging(ctx, PagingStyle::NextPrev, {.defaultLimit = 20, .maxLimit = 100});
//     if (const auto error = paging.error())
//         return ctx.error(*error);
//     const QStringList ids = ...;                 // every match, sorted
//     const Page page = paging.select(ids);
//     if (const auto error = paging.error())       // a cursor that points nowhere
//         return ctx.error(*error);
//     for (qsizetype i = page.begin; i < page.end; ++i) data.append(...);
//     body[u"links"_s] = page.links;
class Paging
{
public:
    Paging(const RequestContext &context, PagingStyle style, PageLimits limits, CursorForm form = CursorForm::Opaque);

    [[nodiscard]] std::optional<ApiError> error() const { return m_error; }
    [[nodiscard]] int limit() const { return m_limit; }

    [[nodiscard]] Page select(const QStringList &orderedIds);

private:
    [[nodiscard]] QString encode(qsizetype start, const QString &id) const;
    [[nodiscard]] std::optional<qsizetype> decode(const QString &cursor, const QStringList &ids) const;
    [[nodiscard]] QString link(const QString &parameter, const QString &value) const;

    const RequestContext &m_context;
    PagingStyle m_style;
    CursorForm m_form;
    int m_limit = 20;
    QString m_cursorParameter; // the parameter that was given: next, prev, page, cursor, ...
    QString m_cursor;
    std::optional<ApiError> m_error;
};

} // namespace Sandbox
