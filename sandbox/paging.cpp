#include "sandbox/paging.h"

#include "sandbox/requestcontext.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

QStringList parametersOf(PagingStyle style)
{
    switch (style) {
    case PagingStyle::NextPrev:
        return {u"next"_s, u"prev"_s};
    case PagingStyle::Page:
        return {u"page"_s};
    case PagingStyle::IdAnchors:
        return {u"startingAfter"_s, u"endingBefore"_s};
    case PagingStyle::CursorParam:
        return {u"cursor"_s};
    }
    return {};
}

QJsonObject href(const QString &url)
{
    return QJsonObject{{u"href"_s, url}};
}

} // namespace

Paging::Paging(const RequestContext &context, PagingStyle style, PageLimits limits, CursorForm form)
    : m_context(context)
    , m_style(style)
    , m_form(form)
    , m_limit(limits.defaultLimit)
{
    if (context.hasQuery(u"limit"_s)) {
        bool ok = false;
        const QString text = context.query(u"limit"_s);
        const int limit = text.toInt(&ok);
        if (!ok || limit < limits.minLimit || limit > limits.maxLimit) {
            m_error
                = ApiError::badRequest(u"'limit' must be an integer from %1 to %2, not '%3'."_s.arg(
                                           QString::number(limits.minLimit), QString::number(limits.maxLimit), text))
                      .withParameter(u"limit"_s);
            return;
        }
        m_limit = limit;
    }
    for (const QString &parameter : parametersOf(style)) {
        if (!context.hasQuery(parameter))
            continue;
        if (!m_cursorParameter.isEmpty()) {
            m_error = ApiError::badRequest(u"'%1' and '%2' cannot be combined."_s.arg(m_cursorParameter, parameter))
                          .withParameter(parameter);
            return;
        }
        m_cursorParameter = parameter;
        m_cursor = context.query(parameter);
    }
}

QString Paging::encode(qsizetype start, const QString &id) const
{
    if (m_form == CursorForm::RawId && (m_style == PagingStyle::NextPrev || m_style == PagingStyle::CursorParam))
        return id;
    return QString::fromLatin1(QStringLiteral("%1:%2").arg(start).arg(id).toUtf8().toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qsizetype> Paging::decode(const QString &cursor, const QStringList &ids) const
{
    if (m_form == CursorForm::RawId && (m_style == PagingStyle::NextPrev || m_style == PagingStyle::CursorParam)) {
        const qsizetype index = ids.indexOf(cursor);
        if (index < 0)
            return std::nullopt;
        return index;
    }
    const QByteArray decoded = QByteArray::fromBase64(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const QString text = QString::fromUtf8(decoded);
    const qsizetype colon = text.indexOf(u':');
    bool ok = false;
    const qsizetype start = colon > 0 ? text.left(colon).toLongLong(&ok) : -1;
    if (!ok || start < 0)
        return std::nullopt;
    const QString id = text.mid(colon + 1);
    // The item that opened the page may have moved (inserts) or gone (deletes): find it first.
    if (start < ids.size() && ids.at(start) == id)
        return start;
    if (const qsizetype moved = ids.indexOf(id); moved >= 0)
        return moved;
    return std::min(start, ids.size());
}

QString Paging::link(const QString &parameter, const QString &value) const
{
    QUrlQuery query = m_context.request().query;
    for (const QString &name : parametersOf(m_style))
        query.removeAllQueryItems(name);
    if (!parameter.isEmpty())
        query.addQueryItem(parameter, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return m_context.absoluteUrl(m_context.request().path, query);
}

Page Paging::select(const QStringList &orderedIds)
{
    Page page;
    const qsizetype total = orderedIds.size();
    qsizetype begin = 0;
    qsizetype end = 0;
    if (m_style == PagingStyle::IdAnchors && !m_cursorParameter.isEmpty()) {
        const qsizetype anchor = orderedIds.indexOf(m_cursor);
        if (anchor < 0) {
            m_error = ApiError::badRequest(u"'%1' names no item of this list."_s.arg(m_cursorParameter))
                          .withParameter(m_cursorParameter);
            return page;
        }
        if (m_cursorParameter == "startingAfter"_L1) {
            begin = anchor + 1;
            end = std::min(total, begin + m_limit);
        } else {
            end = anchor;
            begin = std::max<qsizetype>(0, end - m_limit);
        }
    } else {
        if (!m_cursorParameter.isEmpty()) {
            const std::optional<qsizetype> start = decode(m_cursor, orderedIds);
            if (!start) {
                m_error = ApiError::badRequest(u"'%1' is not a valid cursor."_s.arg(m_cursorParameter))
                              .withParameter(m_cursorParameter);
                return page;
            }
            begin = *start;
        }
        end = std::min(total, begin + m_limit);
    }
    page.begin = begin;
    page.end = end;

    page.links.insert(u"self"_s, href(m_context.selfUrl()));
    const bool hasNext = end < total && m_limit > 0;
    const bool hasPrev = begin > 0 && m_limit > 0;
    switch (m_style) {
    case PagingStyle::NextPrev:
    case PagingStyle::CursorParam: {
        const QString nextName = m_style == PagingStyle::NextPrev ? u"next"_s : u"cursor"_s;
        const QString prevName = m_style == PagingStyle::NextPrev ? u"prev"_s : u"cursor"_s;
        if (hasNext)
            page.links.insert(u"next"_s, href(link(nextName, encode(end, orderedIds.at(end)))));
        if (hasPrev) {
            const qsizetype prevStart = std::max<qsizetype>(0, begin - m_limit);
            page.links.insert(u"prev"_s, href(link(prevName, encode(prevStart, orderedIds.at(prevStart)))));
        }
        break;
    }
    case PagingStyle::Page:
        if (hasNext)
            page.links.insert(u"next"_s, href(link(u"page"_s, encode(end, orderedIds.at(end)))));
        if (hasPrev) {
            const qsizetype prevStart = std::max<qsizetype>(0, begin - m_limit);
            page.links.insert(u"prev"_s, href(link(u"page"_s, encode(prevStart, orderedIds.at(prevStart)))));
        }
        break;
    case PagingStyle::IdAnchors:
        if (hasNext)
            page.links.insert(u"next"_s, href(link(u"startingAfter"_s, orderedIds.at(end - 1))));
        if (hasPrev)
            page.links.insert(u"prev"_s, href(link(u"endingBefore"_s, orderedIds.at(begin))));
        break;
    }
    return page;
}

} // namespace Sandbox
