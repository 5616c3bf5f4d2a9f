#include "sandbox/brandsapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/entities.h"
#include "sandbox/jsonpatch.h"
#include "sandbox/multipartform.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/brands"_s;
const QStringList kFileIds{u"logo"_s, u"favIcon"_s, u"styles"_s};

std::optional<HttpResponse> requireAdmin(const RequestContext &ctx)
{
    if (ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user))
        return std::nullopt;
    return ctx.error(ApiError::forbidden(u"Managing brands needs the TenantAdmin role."_s));
}

Brand *findBrand(RequestContext &ctx)
{
    return ctx.tenant()->brands.find(ctx.param(u"brand-id"_s));
}

HttpResponse brandNotFound(const RequestContext &ctx)
{
    return ctx.error(ApiError::notFound(u"No brand '%1'."_s.arg(ctx.param(u"brand-id"_s))));
}

BrandFile *fileOf(Brand &brand, const QString &id)
{
    const auto it
        = std::find_if(brand.files.begin(), brand.files.end(), [&id](const BrandFile &f) { return f.id == id; });
    return it == brand.files.end() ? nullptr : &*it;
}

// What a brand file may be (spec POST /v1/brands encoding and descriptions), checked by content.
std::optional<ApiError> readBrandFile(const QString &id, const FormPart &part, BrandFile &file)
{
    const QByteArray &data = part.data;
    const QString where = u"The '%1' part"_s.arg(id);
    if (data.isEmpty())
        return ApiError::badRequest(where + u" is empty."_s).withPointer(u'/' + id);
    QByteArray type;
    qsizetype limit = qsizetype(100) * 1024;
    if (id == "logo"_L1) {
        limit = qsizetype(300) * 1024;
        if (data.startsWith("\x89PNG\r\n\x1a\n"))
            type = "image/png";
        else if (data.startsWith("\xff\xd8\xff"))
            type = "image/jpeg";
        else
            return ApiError::badRequest(where + u" must be a PNG or JPEG image."_s).withPointer(u"/logo"_s);
    } else if (id == "favIcon"_L1) {
        if (data.size() < 6 || !data.startsWith(QByteArrayView("\x00\x00\x01\x00", 4)))
            return ApiError::badRequest(where + u" must be an ICO file."_s).withPointer(u"/favIcon"_s);
        type = part.contentType == "image/vnd.microsoft.icon" ? "image/vnd.microsoft.icon" : "image/x-icon";
    } else {
        QJsonParseError parseError;
        QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return ApiError::badRequest(where + u" must be a JSON file."_s).withPointer(u"/styles"_s);
        type = "application/json";
    }
    if (data.size() > limit)
        return ApiError::badRequest(where + u" is %1 bytes; at most %2 are accepted."_s.arg(data.size()).arg(limit))
            .withPointer(u'/' + id);
    file.id = id;
    file.contentType = QString::fromLatin1(type);
    file.data = data;
    file.eTag = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
    return std::nullopt;
}

std::optional<HttpResponse> parseForm(const RequestContext &ctx, MultipartForm &form)
{
    form = MultipartForm::parse(ctx.request().header("content-type"), ctx.request().body);
    if (form.failure() != MultipartForm::Failure::None)
        return ctx.error(ApiError::badRequest(form.error()));
    return std::nullopt;
}

QJsonObject fileJson(const Brand &brand, const BrandFile &file)
{
    return {{u"id"_s, file.id},
            {u"path"_s, u"/api/v1/brands/%1/files/%2"_s.arg(brand.id, file.id)},
            {u"contentType"_s, file.contentType},
            {u"eTag"_s, file.eTag}};
}

void touch(RequestContext &ctx, Brand &brand)
{
    brand.updatedAt = ctx.clock().now();
    brand.updatedBy = ctx.callerUserId();
}

HttpResponse list(RequestContext &ctx)
{
    QString sort = ctx.hasQuery(u"sort"_s) ? ctx.query(u"sort"_s) : u"-id"_s;
    const bool descending = sort.startsWith(u'-');
    if (sort.startsWith(u'-') || sort.startsWith(u'+'))
        sort.remove(0, 1);
    if (sort != "id"_L1 && sort != "createdAt"_L1 && sort != "updatedAt"_L1)
        return ctx.error(ApiError::badRequest(u"'sort' must be id, createdAt or updatedAt, prefixed with + or -."_s)
                             .withParameter(u"sort"_s));
    Paging paging(ctx, PagingStyle::IdAnchors, {5, 100, 1});
    if (const auto error = paging.error())
        return ctx.error(*error);
    QList<const Brand *> brands;
    for (const Brand &brand : ctx.tenant()->brands)
        brands.append(&brand);
    const auto key = [&sort](const Brand *brand) -> QString {
        if (sort == "id"_L1)
            return brand->id;
        return SandboxClock::iso(sort == "createdAt"_L1 ? brand->createdAt : brand->updatedAt) + brand->id;
    };
    std::stable_sort(brands.begin(), brands.end(),
                     [&](const Brand *a, const Brand *b) { return descending ? key(b) < key(a) : key(a) < key(b); });
    QStringList ids;
    for (const Brand *brand : std::as_const(brands))
        ids.append(brand->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(BrandsApi::toJson(*brands.at(i)));
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}, {u"links"_s, page.links}});
}

HttpResponse create(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    MultipartForm form;
    if (auto failure = parseForm(ctx, form))
        return *failure;
    Brand brand;
    const FormPart *name = form.part("name");
    if (!name || name->hasFileName || name->data.trimmed().isEmpty())
        return ctx.error(
            ApiError::badRequest(u"'name' is required (a text part of the form)."_s).withPointer(u"/name"_s));
    brand.name = QString::fromUtf8(name->data);
    if (const FormPart *description = form.part("description"))
        brand.description = QString::fromUtf8(description->data);
    for (const QString &id : kFileIds) {
        const FormPart *part = form.part(id.toLatin1());
        if (!part)
            continue;
        BrandFile file;
        if (auto error = readBrandFile(id, *part, file))
            return ctx.error(*error);
        brand.files.push_back(file);
    }
    brand.id = ctx.state().ids().objectId();
    brand.createdAt = ctx.clock().now();
    brand.updatedAt = brand.createdAt;
    brand.createdBy = ctx.callerUserId();
    brand.updatedBy = brand.createdBy;
    const Brand &stored = ctx.tenant()->brands.insert(brand);
    ctx.audit(u"com.qlik.v1.brand.created"_s, kSource, {{u"id"_s, stored.id}, {u"name"_s, stored.name}},
              {stored.id, {}, {}});
    return HttpResponse::json(201, BrandsApi::toJson(stored));
}

HttpResponse active(RequestContext &ctx)
{
    for (const Brand &brand : ctx.tenant()->brands) {
        if (brand.active) // FACTS §9.3, §14.4: the spec declares 301 (the tutorial saw 302).
            return HttpResponse::redirect(301, u"/api/v1/brands/"_s + brand.id);
    }
    return HttpResponse::json(200, QJsonObject{}); // Qlik's default brand
}

HttpResponse get(RequestContext &ctx)
{
    const Brand *brand = findBrand(ctx);
    if (!brand)
        return brandNotFound(ctx);
    return HttpResponse::json(200, BrandsApi::toJson(*brand));
}

HttpResponse patch(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    Brand *brand = findBrand(ctx);
    if (!brand)
        return brandNotFound(ctx);
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    const JsonPatch::Parsed parsed = JsonPatch::parse(body, {u"add"_s, u"remove"_s, u"replace"_s});
    if (parsed.error)
        return ctx.error(*parsed.error);
    Brand updated = *brand;
    QJsonArray changed;
    for (const PatchOperation &op : parsed.operations) {
        if (op.path != "/name"_L1 && op.path != "/description"_L1)
            return ctx.error(JsonPatch::invalid(op, u"Only /name and /description can be patched."_s));
        QString &target = op.path == "/name"_L1 ? updated.name : updated.description;
        if (op.op == "remove"_L1) {
            if (op.path == "/name"_L1)
                return ctx.error(JsonPatch::invalid(op, u"A brand needs a name; /name cannot be removed."_s));
            target.clear();
        } else {
            if (!op.value.isString() || (op.path == "/name"_L1 && op.value.toString().trimmed().isEmpty()))
                return ctx.error(ApiError::badRequest(u"'%1' needs a non-empty string."_s.arg(op.path))
                                     .withPointer(u"/%1/value"_s.arg(op.index)));
            target = op.value.toString();
        }
        changed.append(op.path);
    }
    *brand = updated;
    touch(ctx, *brand);
    ctx.audit(u"com.qlik.v1.brand.updated"_s, kSource, {{u"id"_s, brand->id}, {u"updates"_s, changed}},
              {brand->id, {}, {}});
    return HttpResponse::empty(204);
}

HttpResponse remove(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    const Brand *brand = findBrand(ctx);
    if (!brand)
        return brandNotFound(ctx);
    // Deleting the active brand returns the tenant to Qlik's default (spec).
    const QString id = brand->id;
    ctx.audit(u"com.qlik.v1.brand.deleted"_s, kSource, {{u"id"_s, id}, {u"name"_s, brand->name}}, {id, {}, {}});
    ctx.tenant()->brands.remove(id);
    return HttpResponse::empty(204);
}

HttpResponse setActive(RequestContext &ctx, bool activate)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    Brand *brand = findBrand(ctx);
    if (!brand)
        return brandNotFound(ctx);
    if (brand->active != activate) {
        // One active brand per tenant: activating one deactivates the others.
        if (activate) {
            for (Brand &other : ctx.tenant()->brands) {
                if (other.active) {
                    other.active = false;
                    touch(ctx, other);
                }
            }
        }
        brand->active = activate;
        touch(ctx, *brand);
        ctx.audit(activate ? u"com.qlik.v1.brand.activated"_s : u"com.qlik.v1.brand.deactivated"_s, kSource,
                  {{u"id"_s, brand->id}, {u"name"_s, brand->name}}, {brand->id, {}, {}});
    }
    return HttpResponse::json(200, BrandsApi::toJson(*brand));
}

HttpResponse activate(RequestContext &ctx)
{
    return setActive(ctx, true);
}

HttpResponse deactivate(RequestContext &ctx)
{
    return setActive(ctx, false);
}

// Resolves brand and file id for the /files routes; the error is the answer to send.
std::optional<HttpResponse> fileTarget(RequestContext &ctx, Brand **brand, QString *fileId)
{
    *fileId = ctx.param(u"brand-file-id"_s);
    if (!kFileIds.contains(*fileId)) {
        return ctx.error(ApiError::badRequest(u"'%1' is not a brand file; use logo, favIcon or styles."_s.arg(*fileId))
                             .withParameter(u"brand-file-id"_s));
    }
    *brand = findBrand(ctx);
    if (!*brand)
        return brandNotFound(ctx);
    return std::nullopt;
}

HttpResponse getFile(RequestContext &ctx)
{
    Brand *brand = nullptr;
    QString fileId;
    if (auto failure = fileTarget(ctx, &brand, &fileId))
        return *failure;
    const BrandFile *file = fileOf(*brand, fileId);
    if (!file)
        return ctx.error(ApiError::notFound(u"The brand has no %1."_s.arg(fileId)));
    HttpResponse response;
    response.status = 200;
    response.setHeader("Content-Type", file->contentType.toLatin1());
    response.setHeader("ETag", '"' + file->eTag.toLatin1() + '"');
    response.body = file->data;
    return response;
}

HttpResponse writeFile(RequestContext &ctx, bool replacing)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    Brand *brand = nullptr;
    QString fileId;
    if (auto failure = fileTarget(ctx, &brand, &fileId))
        return *failure;
    BrandFile *existing = fileOf(*brand, fileId);
    if (replacing && !existing)
        return ctx.error(ApiError::notFound(u"The brand has no %1 to update; POST creates it."_s.arg(fileId)));
    if (!replacing && existing)
        return ctx.error(ApiError::badRequest(u"The brand has a %1 already; PUT replaces it."_s.arg(fileId)));
    MultipartForm form;
    if (auto failure = parseForm(ctx, form))
        return *failure;
    const FormPart *part = form.part("file");
    if (!part || form.parts().size() != 1)
        return ctx.error(ApiError::badRequest(u"Send exactly one part, named 'file'."_s).withPointer(u"/file"_s));
    BrandFile file;
    if (auto error = readBrandFile(fileId, *part, file))
        return ctx.error(*error);
    if (existing)
        *existing = file;
    else
        brand->files.push_back(file);
    touch(ctx, *brand);
    ctx.audit(u"com.qlik.v1.brand.updated"_s, kSource,
              {{u"id"_s, brand->id}, {u"updates"_s, QJsonArray{QString(u"/files/"_s + fileId)}}}, {brand->id, {}, {}});
    return HttpResponse::json(replacing ? 200 : 201, fileJson(*brand, file));
}

HttpResponse postFile(RequestContext &ctx)
{
    return writeFile(ctx, false);
}

HttpResponse putFile(RequestContext &ctx)
{
    return writeFile(ctx, true);
}

HttpResponse deleteFile(RequestContext &ctx)
{
    if (auto denied = requireAdmin(ctx))
        return *denied;
    Brand *brand = nullptr;
    QString fileId;
    if (auto failure = fileTarget(ctx, &brand, &fileId))
        return *failure;
    if (!fileOf(*brand, fileId))
        return ctx.error(ApiError::notFound(u"The brand has no %1."_s.arg(fileId)));
    std::erase_if(brand->files, [&fileId](const BrandFile &file) { return file.id == fileId; });
    touch(ctx, *brand);
    ctx.audit(u"com.qlik.v1.brand.updated"_s, kSource,
              {{u"id"_s, brand->id}, {u"updates"_s, QJsonArray{QString(u"/files/"_s + fileId)}}}, {brand->id, {}, {}});
    return HttpResponse::empty(204);
}

} // namespace

void BrandsApi::addRoutes(Router &router)
{
    constexpr qsizetype maxForm = qsizetype(1024) * 1024; // a logo, a favicon and styles, with room for the form
    router.add(HostKind::Tenant, "GET", u"/v1/brands"_s, list);
    router.add(HostKind::Tenant, "POST", u"/v1/brands"_s, create).maxBody(maxForm);
    router.add(HostKind::Tenant, "GET", u"/v1/brands/active"_s, active);
    router.add(HostKind::Tenant, "GET", u"/v1/brands/{brand-id}"_s, get);
    router.add(HostKind::Tenant, "PATCH", u"/v1/brands/{brand-id}"_s, patch);
    router.add(HostKind::Tenant, "DELETE", u"/v1/brands/{brand-id}"_s, remove);
    router.add(HostKind::Tenant, "POST", u"/v1/brands/{brand-id}/actions/activate"_s, activate);
    router.add(HostKind::Tenant, "POST", u"/v1/brands/{brand-id}/actions/deactivate"_s, deactivate);
    router.add(HostKind::Tenant, "GET", u"/v1/brands/{brand-id}/files/{brand-file-id}"_s, getFile);
    router.add(HostKind::Tenant, "POST", u"/v1/brands/{brand-id}/files/{brand-file-id}"_s, postFile).maxBody(maxForm);
    router.add(HostKind::Tenant, "PUT", u"/v1/brands/{brand-id}/files/{brand-file-id}"_s, putFile).maxBody(maxForm);
    router.add(HostKind::Tenant, "DELETE", u"/v1/brands/{brand-id}/files/{brand-file-id}"_s, deleteFile);
}

QJsonObject BrandsApi::toJson(const Brand &brand)
{
    QJsonArray files;
    for (const QString &id : kFileIds) {
        for (const BrandFile &file : brand.files) {
            if (file.id == id)
                files.append(fileJson(brand, file));
        }
    }
    return {{u"id"_s, brand.id},
            {u"name"_s, brand.name},
            {u"description"_s, brand.description},
            {u"active"_s, brand.active},
            {u"createdBy"_s, brand.createdBy},
            {u"updatedBy"_s, brand.updatedBy},
            {u"createdAt"_s, SandboxClock::iso(brand.createdAt)},
            {u"updatedAt"_s, SandboxClock::iso(brand.updatedAt)},
            {u"files"_s, files}};
}

} // namespace Sandbox
