#include "sandbox/tempcontentsapi.h"

#include "sandbox/apierror.h"
#include "sandbox/entities.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxoptions.h"
#include "sandbox/sandboxservices.h"
#include "sandbox/sandboxstate.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

constexpr QByteArrayView kTusVersion("1.0.0");
constexpr qsizetype kUploadRouteLimit = 1024LL * 1024 * 1024 + 1; // the settings cap maxUploadBytes at 1 GiB

const QString kSource = u"com.qlik/temp-contents"_s;

// A file name, not a path: 1..255 characters, no separators or control characters.
std::optional<QString> filenameProblem(const QString &name)
{
    static const QRegularExpression forbidden(u"[/\\\\\\x00-\\x1f]"_s);
    if (name.size() > 255)
        return u"'filename' must be at most 255 characters."_s;
    if (name.contains(forbidden) || name == "."_L1 || name == ".."_L1)
        return u"'filename' must be a plain file name without path separators or control characters."_s;
    return std::nullopt;
}

std::optional<int> parseTtl(const QString &text)
{
    bool ok = false;
    const int ttl = text.toInt(&ok);
    if (!ok || ttl < 1 || ttl > TempContentsApi::kMaxTtlSeconds)
        return std::nullopt;
    return ttl;
}

ApiError ttlError(const QString &text)
{
    return ApiError::badRequest(u"'ttl' must be an integer number of seconds from 1 to %1, not '%2'."_s.arg(
                                    QString::number(TempContentsApi::kMaxTtlSeconds), text))
        .withParameter(u"ttl"_s);
}

bool isExpired(const TempContent &content, const QDateTime &now)
{
    return TempContentsApi::expiresAt(content) <= now;
}

// Whatever the content held is released once it expires; the record stays to answer 410.
void forgetIfExpired(TempContent &content, const QDateTime &now)
{
    if (isExpired(content, now) && !content.data.isEmpty())
        content.data = QByteArray();
}

QByteArray quotedFilename(const QString &name)
{
    QByteArray ascii;
    for (const QChar c : name)
        ascii += (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\') ? char(c.unicode()) : '_';
    QByteArray value = "filename=\"" + ascii + '"';
    if (ascii != name.toUtf8())
        value += "; filename*=UTF-8''" + QUrl::toPercentEncoding(name);
    return value;
}

QString locationOf(const TempContent &content)
{
    // FACTS §10.2: a simple upload's Location has been seen without /api (clients normalise both).
    return u"/v1/temp-contents/"_s + content.id;
}

// --- simple upload and download ---------------------------------------------------------------

HttpResponse upload(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QString filename = ctx.query(u"filename"_s);
    if (const auto problem = filenameProblem(filename))
        return ctx.error(ApiError::badRequest(*problem).withParameter(u"filename"_s));
    int ttl = TempContentsApi::kDefaultTtlSeconds;
    if (ctx.hasQuery(u"ttl"_s)) {
        const auto parsed = parseTtl(ctx.query(u"ttl"_s));
        if (!parsed)
            return ctx.error(ttlError(ctx.query(u"ttl"_s)));
        ttl = *parsed;
    }
    const qint64 limit = ctx.services().options.maxUploadBytes;
    if (ctx.request().body.size() > limit) {
        return ctx.error(ApiError(413, u"HTTP-413"_s, u"Payload Too Large"_s,
                                  u"The file is larger than the %1 bytes this tenant accepts."_s.arg(limit)));
    }
    const TempContent &stored = TempContentsApi::store(ctx, tenant, filename, ctx.request().body, ttl);
    HttpResponse response = HttpResponse::empty(201);
    response.setHeader("Location", locationOf(stored).toUtf8());
    return response;
}

TempContent *findOwn(const RequestContext &ctx, const QString &id)
{
    TempContent *content = ctx.tenant()->tempContents.find(id);
    // Temporary contents are private to their creator: anyone else gets the 404 of a missing one.
    if (!content || content->creatorId != ctx.callerUserId())
        return nullptr;
    return content;
}

HttpResponse notFound(const RequestContext &ctx, const QString &id)
{
    return ctx.error(ApiError::notFound(u"No temporary content '%1'."_s.arg(id)));
}

HttpResponse gone(const RequestContext &ctx, const TempContent &content)
{
    return ctx.error(ApiError(410, u"HTTP-410"_s, u"Gone"_s,
                              u"The temporary content '%1' expired at %2."_s.arg(
                                  content.id, SandboxClock::iso(TempContentsApi::expiresAt(content)))));
}

struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0; // inclusive
};

// Parses "bytes=a-b", "bytes=a-" or "bytes=-n" against a size. nullopt with `unsatisfiable` false
// means the header is ignored (RFC 9110 allows ignoring a Range it cannot parse).
std::optional<ByteRange> parseRange(const QByteArray &header, qint64 size, bool *unsatisfiable)
{
    *unsatisfiable = false;
    static const QRegularExpression single(u"^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$"_s);
    const QRegularExpressionMatch match = single.match(QString::fromLatin1(header));
    if (!match.hasMatch() || (match.captured(1).isEmpty() && match.captured(2).isEmpty()))
        return std::nullopt;
    bool ok = true;
    ByteRange range;
    if (match.captured(1).isEmpty()) {
        const qint64 suffix = match.captured(2).toLongLong(&ok);
        if (!ok || suffix == 0 || size == 0) {
            *unsatisfiable = true;
            return std::nullopt;
        }
        range.first = std::max<qint64>(0, size - suffix);
        range.last = size - 1;
        return range;
    }
    range.first = match.captured(1).toLongLong(&ok);
    range.last = match.captured(2).isEmpty() ? size - 1 : std::min(size - 1, match.captured(2).toLongLong(&ok));
    if (!ok || range.first >= size || range.last < range.first) {
        *unsatisfiable = true;
        return std::nullopt;
    }
    return range;
}

HttpResponse download(RequestContext &ctx)
{
    const QString id = ctx.param(u"id"_s);
    TempContent *content = findOwn(ctx, id);
    if (!content)
        return notFound(ctx, id);
    const QDateTime now = ctx.clock().now();
    forgetIfExpired(*content, now);
    if (isExpired(*content, now))
        return gone(ctx, *content);
    if (!TempContentsApi::isComplete(*content))
        return HttpResponse::empty(204); // FACTS §10.3: an upload still in progress
    const qint64 size = content->data.size();
    const QByteArray disposition = ctx.query(u"inline"_s) == "1"_L1 || ctx.query(u"inline"_s) == "true"_L1
        ? QByteArray("inline")
        : QByteArray("attachment");

    HttpResponse response;
    response.setHeader("Content-Type", "application/octet-stream");
    response.setHeader("Content-Disposition", disposition + "; " + quotedFilename(content->name));
    response.setHeader("Accept-Ranges", "bytes");
    const QByteArray rangeHeader = ctx.request().header("range");
    if (!rangeHeader.isEmpty()) {
        bool unsatisfiable = false;
        const std::optional<ByteRange> range = parseRange(rangeHeader, size, &unsatisfiable);
        if (unsatisfiable) {
            HttpResponse refused
                = ctx.error(ApiError(416, u"HTTP-416"_s, u"Range Not Satisfiable"_s,
                                     u"The range '%1' lies outside the %2 bytes of '%3'."_s.arg(
                                         QString::fromLatin1(rangeHeader), QString::number(size), content->id)));
            refused.setHeader("Content-Range", "bytes */" + QByteArray::number(size));
            return refused;
        }
        if (range) {
            response.status = 206;
            response.setHeader("Content-Range",
                               "bytes " + QByteArray::number(range->first) + '-' + QByteArray::number(range->last) + '/'
                                   + QByteArray::number(size));
            response.body = content->data.mid(range->first, range->last - range->first + 1);
            return response;
        }
    }
    response.status = 200;
    response.body = content->data;
    return response;
}

HttpResponse details(RequestContext &ctx)
{
    const QString id = ctx.param(u"id"_s);
    TempContent *content = findOwn(ctx, id);
    if (!content)
        return notFound(ctx, id);
    const QDateTime now = ctx.clock().now();
    forgetIfExpired(*content, now);
    if (isExpired(*content, now))
        return gone(ctx, *content);
    if (!TempContentsApi::isComplete(*content))
        return HttpResponse::empty(204);
    return HttpResponse::json(200,
                              QJsonObject{{u"ID"_s, content->id},
                                          {u"Name"_s, content->name},
                                          {u"Size"_s, QString::number(content->data.size())},
                                          {u"Expires"_s, SandboxClock::iso(TempContentsApi::expiresAt(*content))},
                                          {u"CreatedAt"_s, SandboxClock::iso(content->createdAt)},
                                          {u"CreatorID"_s, content->creatorId},
                                          {u"UpdatedAt"_s, SandboxClock::iso(content->updatedAt)},
                                          {u"TTLSeconds"_s, content->ttlSeconds}});
}

// --- tus ----------------------------------------------------------------------------------------

HttpResponse withTusHeaders(HttpResponse response)
{
    response.setHeader("Tus-Resumable", kTusVersion.toByteArray());
    return response;
}

std::optional<HttpResponse> checkTusVersion(const RequestContext &ctx)
{
    const QByteArray version = ctx.request().header("tus-resumable").trimmed();
    if (version == kTusVersion)
        return std::nullopt;
    HttpResponse refused = ctx.error(ApiError(
        412, u"HTTP-412"_s, u"Precondition Failed"_s,
        u"Tus-Resumable '%1' is not supported; this server speaks tus 1.0.0."_s.arg(QString::fromLatin1(version))));
    refused.setHeader("Tus-Version", kTusVersion.toByteArray());
    return withTusHeaders(refused);
}

std::optional<qint64> headerInteger(const RequestContext &ctx, QByteArrayView name)
{
    const QByteArray text = ctx.request().header(name).trimmed();
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (text.isEmpty() || !ok || value < 0)
        return std::nullopt;
    return value;
}

// "filename <base64>,ttl <base64>" (tus creation extension).
std::optional<QHash<QString, QString>> parseMetadata(const QByteArray &header)
{
    QHash<QString, QString> metadata;
    for (const QByteArray &pair : header.split(',')) {
        const QByteArray trimmed = pair.trimmed();
        if (trimmed.isEmpty())
            continue;
        const qsizetype space = trimmed.indexOf(' ');
        const QByteArray key = space < 0 ? trimmed : trimmed.left(space);
        QString value;
        if (space >= 0) {
            const auto decoded = QByteArray::fromBase64Encoding(trimmed.mid(space + 1).trimmed(),
                                                                QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return std::nullopt;
            value = QString::fromUtf8(*decoded);
        }
        metadata.insert(QString::fromLatin1(key), value);
    }
    return metadata;
}

HttpResponse createUpload(RequestContext &ctx)
{
    if (auto refused = checkTusVersion(ctx))
        return *refused;
    const std::optional<qint64> length = headerInteger(ctx, "upload-length");
    if (!length) {
        return withTusHeaders(
            ctx.error(ApiError::badRequest(u"'Upload-Length' must be a non-negative integer number of bytes."_s)
                          .withParameter(u"Upload-Length"_s)));
    }
    const qint64 limit = ctx.services().options.maxUploadBytes;
    if (*length > limit) {
        return withTusHeaders(ctx.error(ApiError(413, u"HTTP-413"_s, u"Payload Too Large"_s,
                                                 u"An upload of %1 bytes is larger than the %2 bytes this tenant "
                                                 u"accepts."_s.arg(QString::number(*length), QString::number(limit)))));
    }
    const auto metadata = parseMetadata(ctx.request().header("upload-metadata"));
    if (!metadata) {
        return withTusHeaders(
            ctx.error(ApiError::badRequest(u"'Upload-Metadata' must be comma-separated 'key base64value' pairs."_s)
                          .withParameter(u"Upload-Metadata"_s)));
    }
    const QString filename = metadata->value(u"filename"_s);
    if (const auto problem = filenameProblem(filename))
        return withTusHeaders(ctx.error(ApiError::badRequest(*problem).withParameter(u"Upload-Metadata"_s)));
    int ttl = TempContentsApi::kDefaultTtlSeconds;
    if (metadata->contains(u"ttl"_s)) {
        const auto parsed = parseTtl(metadata->value(u"ttl"_s));
        if (!parsed)
            return withTusHeaders(ctx.error(ttlError(metadata->value(u"ttl"_s))));
        ttl = *parsed;
    }
    TempContent &stored = TempContentsApi::store(ctx, *ctx.tenant(), filename, {}, ttl);
    stored.expectedLength = *length;
    HttpResponse response = HttpResponse::empty(201);
    response.setHeader("Location", (u"/api/v1/temp-contents/files/"_s + stored.id).toUtf8());
    return withTusHeaders(response);
}

HttpResponse appendUpload(RequestContext &ctx)
{
    if (auto refused = checkTusVersion(ctx))
        return *refused;
    const QString id = ctx.param(u"id"_s);
    TempContent *content = findOwn(ctx, id);
    if (!content || content->expectedLength < 0)
        return withTusHeaders(ctx.error(ApiError::notFound(u"No upload '%1'."_s.arg(id))));
    const QDateTime now = ctx.clock().now();
    forgetIfExpired(*content, now);
    if (isExpired(*content, now))
        return withTusHeaders(gone(ctx, *content));
    const QByteArray contentType = ctx.request().header("content-type").split(';').first().trimmed().toLower();
    if (contentType != "application/offset+octet-stream") {
        return withTusHeaders(ctx.error(ApiError(415, u"HTTP-415"_s, u"Unsupported Media Type"_s,
                                                 u"A tus PATCH must be sent as application/offset+octet-stream, "
                                                 u"not '%1'."_s.arg(QString::fromLatin1(contentType)))));
    }
    const std::optional<qint64> offset = headerInteger(ctx, "upload-offset");
    if (!offset) {
        return withTusHeaders(ctx.error(ApiError::badRequest(u"'Upload-Offset' must be a non-negative integer."_s)
                                            .withParameter(u"Upload-Offset"_s)));
    }
    if (*offset != content->data.size()) {
        HttpResponse conflict
            = ctx.error(ApiError(409, u"HTTP-409"_s, u"Conflict"_s,
                                 u"Upload-Offset %1 does not match the %2 bytes received so far."_s.arg(
                                     QString::number(*offset), QString::number(content->data.size()))));
        conflict.setHeader("Upload-Offset", QByteArray::number(content->data.size()));
        return withTusHeaders(conflict);
    }
    const QByteArray &chunk = ctx.request().body;
    if (content->data.size() + chunk.size() > content->expectedLength) {
        return withTusHeaders(ctx.error(
            ApiError::badRequest(u"The chunk would take the upload past its "
                                 u"Upload-Length of %1 bytes."_s.arg(QString::number(content->expectedLength)))));
    }
    content->data += chunk;
    content->updatedAt = now;
    HttpResponse response = HttpResponse::empty(204);
    response.setHeader("Upload-Offset", QByteArray::number(content->data.size()));
    return withTusHeaders(response);
}

} // namespace

void TempContentsApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "POST", u"/v1/temp-contents"_s, upload).maxBody(kUploadRouteLimit);
    router.add(HostKind::Tenant, "GET", u"/v1/temp-contents/{id}"_s, download);
    router.add(HostKind::Tenant, "GET", u"/v1/temp-contents/{id}/details"_s, details);
    router.add(HostKind::Tenant, "POST", u"/v1/temp-contents/files"_s, createUpload);
    router.add(HostKind::Tenant, "PATCH", u"/v1/temp-contents/files/{id}"_s, appendUpload).maxBody(kUploadRouteLimit);
}

TempContent &TempContentsApi::store(const RequestContext &ctx, Tenant &tenant, const QString &name,
                                    const QByteArray &data, int ttlSeconds)
{
    TempContent content;
    content.id = ctx.state().ids().objectId();
    content.name = name;
    content.data = data;
    content.creatorId = ctx.callerUserId();
    content.createdAt = ctx.clock().now();
    content.updatedAt = content.createdAt;
    content.ttlSeconds = ttlSeconds;
    TempContent &stored = tenant.tempContents.insert(content);
    ctx.audit(u"com.qlik.v1.temp-content.created"_s, kSource,
              {{u"id"_s, stored.id}, {u"name"_s, stored.name}, {u"size"_s, static_cast<double>(stored.data.size())}},
              {stored.id, stored.creatorId, {}});
    return stored;
}

const TempContent *TempContentsApi::usable(const RequestContext &ctx, const QString &id, std::optional<ApiError> *error)
{
    TempContent *content = findOwn(ctx, id);
    const QDateTime now = ctx.clock().now();
    if (content)
        forgetIfExpired(*content, now);
    if (content && isExpired(*content, now)) {
        *error = ApiError(410, u"HTTP-410"_s, u"Gone"_s, u"The temporary content '%1' has expired."_s.arg(id))
                     .withParameter(u"fileId"_s);
        return nullptr;
    }
    if (!content || !isComplete(*content)) {
        *error = ApiError::notFound(u"No complete temporary content '%1'."_s.arg(id)).withParameter(u"fileId"_s);
        return nullptr;
    }
    return content;
}

QDateTime TempContentsApi::expiresAt(const TempContent &content)
{
    return content.createdAt.addSecs(content.ttlSeconds);
}

bool TempContentsApi::isComplete(const TempContent &content)
{
    return content.expectedLength < 0 || content.data.size() == content.expectedLength;
}

} // namespace Sandbox
