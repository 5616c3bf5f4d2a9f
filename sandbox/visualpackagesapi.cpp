#include "sandbox/visualpackagesapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/entities.h"
#include "sandbox/multipartform.h"
#include "sandbox/requestcontext.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/zipreader.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

constexpr qsizetype kMaxUpload = 50 * 1024 * 1024;

// What differs between /v1/extensions and /v1/themes.
template<typename Package>
struct Kind;

template<>
struct Kind<Extension>
{
    static Collection<Extension> &of(Tenant &tenant) { return tenant.extensions; }
    static constexpr bool theme = false;
    static constexpr QLatin1StringView noun = "extension"_L1;
    static constexpr QLatin1StringView base = "/v1/extensions"_L1;
};

template<>
struct Kind<Theme>
{
    static Collection<Theme> &of(Tenant &tenant) { return tenant.themes; }
    static constexpr bool theme = true;
    static constexpr QLatin1StringView noun = "theme"_L1;
    static constexpr QLatin1StringView base = "/v1/themes"_L1;
};

ApiError error(int status, const QString &title, const QString &detail)
{
    return ApiError(status, u"HTTP-%1"_s.arg(status), title, detail).withMeta({{u"message"_s, detail}});
}

ApiError unprocessable(const QString &detail)
{
    return error(422, u"Unprocessable Entity"_s, detail);
}

template<typename Package>
std::optional<HttpResponse> requireAdmin(const RequestContext &ctx)
{
    if (ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user))
        return std::nullopt;
    return ctx.error(
        error(403, u"Forbidden"_s, u"Managing %1s needs the TenantAdmin role."_s.arg(Kind<Package>::noun)));
}

// By id, or by qextFilename (FACTS §9.1). A deleted package answers 410; `gone` says so.
template<typename Package>
Package *lookup(RequestContext &ctx, bool *gone)
{
    Collection<Package> &packages = Kind<Package>::of(*ctx.tenant());
    const QString key = ctx.param(u"id"_s);
    *gone = false;
    if (Package *byId = packages.find(key)) {
        *gone = byId->deleted;
        return byId;
    }
    Package *deletedMatch = nullptr;
    for (Package &package : packages) {
        if (package.qextFilename != key)
            continue;
        if (!package.deleted)
            return &package;
        deletedMatch = &package;
    }
    *gone = deletedMatch != nullptr;
    return deletedMatch;
}

template<typename Package>
std::optional<HttpResponse> missingOrGone(const RequestContext &ctx, const Package *package, bool gone)
{
    if (!package)
        return ctx.error(error(404, u"Not Found"_s,
                               u"No %1 with id or qextFilename '%2'."_s.arg(Kind<Package>::noun, ctx.param(u"id"_s))));
    if (gone)
        return ctx.error(
            error(410, u"Gone"_s, u"The %1 '%2' has been deleted."_s.arg(Kind<Package>::noun, ctx.param(u"id"_s))));
    return std::nullopt;
}

// The directory of the zip's .qext ("" at the root): single files are looked up relative to it.
QString qextDirectory(const ZipReader &zip)
{
    for (const QString &name : zip.fileNames()) {
        if (name.endsWith(".qext"_L1, Qt::CaseInsensitive) && !name.startsWith("__MACOSX/"_L1))
            return name.left(name.lastIndexOf(u'/') + 1);
    }
    return {};
}

// Reads the zip's one .qext into the package (FACTS §9: name, type, version, ...).
std::optional<ApiError> readArchive(const QByteArray &archive, bool theme, VisualPackage &package)
{
    const ZipReader zip(archive);
    if (!zip.isValid())
        return unprocessable(u"The 'file' part is not a usable zip archive: %1"_s.arg(zip.error()));
    QStringList qexts;
    for (const QString &name : zip.fileNames()) {
        if (name.endsWith(".qext"_L1, Qt::CaseInsensitive) && !name.startsWith("__MACOSX/"_L1))
            qexts.append(name);
    }
    if (qexts.isEmpty())
        return unprocessable(
            u"The archive has no .qext file describing the %1."_s.arg(theme ? u"theme"_s : u"extension"_s));
    if (qexts.size() > 1)
        return unprocessable(u"The archive has %1 .qext files (%2); it must have exactly one."_s.arg(qexts.size())
                                 .arg(qexts.join(u", "_s)));
    QString problem;
    const std::optional<QByteArray> qextBytes = zip.file(qexts.first(), &problem);
    if (!qextBytes)
        return unprocessable(problem);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*qextBytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return unprocessable(u"'%1' is not a JSON object: %2."_s.arg(qexts.first(), parseError.errorString()));
    const QJsonObject qext = document.object();
    const QString baseName = qexts.first().section(u'/', -1);
    package.qextFilename = baseName.left(baseName.size() - 5);
    const QString type = qext.value(u"type"_s).toString();
    if (theme && type != "theme"_L1)
        return unprocessable(u"'%1' has type '%2'; a theme's .qext says \"type\": \"theme\"."_s.arg(baseName, type));
    if (!theme && type == "theme"_L1)
        return unprocessable(u"'%1' describes a theme; upload it to /v1/themes."_s.arg(baseName));
    if (!theme && type.isEmpty())
        return unprocessable(u"'%1' has no \"type\" (e.g. \"visualization\")."_s.arg(baseName));
    package.type = type;
    package.name = qext.value(u"name"_s).toString(package.qextFilename);
    package.qextVersion = qext.value(u"version"_s).toString();
    package.version = package.qextVersion;
    package.description = qext.value(u"description"_s).toString();
    package.author = qext.value(u"author"_s).toString();
    package.icon = qext.value(u"icon"_s).toString();
    package.preview = qext.value(u"preview"_s).toString();
    package.license = qext.value(u"license"_s).toString();
    package.homepage = qext.value(u"homepage"_s).toString();
    package.repository = qext.value(u"repository"_s).isObject()
        ? qext.value(u"repository"_s).toObject().value(u"url"_s).toString()
        : qext.value(u"repository"_s).toString();
    package.keywords = qext.value(u"keywords"_s).toString();
    package.dependencies = qext.value(u"dependencies"_s).toObject();
    package.supernova = qext.value(u"supernova"_s).toBool();
    package.loadpath = theme ? QString() : package.qextFilename;
    package.file = archive;
    return std::nullopt;
}

// The `data` part's fields (spec `extension` / `theme`); read-only ones are ignored.
std::optional<ApiError> readData(const QJsonObject &data, bool theme, VisualPackage &package)
{
    const auto fail = [](const QString &name, const QString &expected) {
        return unprocessable(u"'data.%1' must be %2."_s.arg(name, expected)).withPointer(u"/data/"_s + name);
    };
    static const QStringList strings{u"name"_s,     u"type"_s,    u"description"_s,  u"author"_s,      u"icon"_s,
                                     u"preview"_s,  u"license"_s, u"homepage"_s,     u"repository"_s,  u"supplier"_s,
                                     u"keywords"_s, u"version"_s, u"qextFilename"_s, u"qextVersion"_s, u"loadpath"_s};
    for (const QString &name : strings) {
        if (data.contains(name) && !data.value(name).isString())
            return fail(name, u"a string"_s);
    }
    const QJsonValue tags = data.value(u"tags"_s);
    if (!tags.isUndefined()) {
        bool ok = tags.isArray();
        for (const QJsonValue &tag : tags.toArray())
            ok = ok && tag.isString();
        if (!ok)
            return fail(u"tags"_s, u"an array of strings"_s);
    }
    if (data.contains(u"dependencies"_s) && !data.value(u"dependencies"_s).isObject())
        return fail(u"dependencies"_s, u"an object"_s);
    if (data.contains(u"supernova"_s) && !data.value(u"supernova"_s).isBool())
        return fail(u"supernova"_s, u"a boolean"_s);
    const auto text = [&data](const QString &name, QString &target) {
        if (data.contains(name))
            target = data.value(name).toString();
    };
    text(u"name"_s, package.name);
    text(u"description"_s, package.description);
    text(u"author"_s, package.author);
    text(u"icon"_s, package.icon);
    text(u"preview"_s, package.preview);
    text(u"license"_s, package.license);
    text(u"homepage"_s, package.homepage);
    text(u"repository"_s, package.repository);
    text(u"supplier"_s, package.supplier);
    text(u"keywords"_s, package.keywords);
    text(u"version"_s, package.version);
    if (package.file.isEmpty()) {
        // Without an archive, the data part is all there is.
        text(u"qextFilename"_s, package.qextFilename);
        text(u"qextVersion"_s, package.qextVersion);
        text(u"type"_s, package.type);
    }
    if (!theme)
        text(u"loadpath"_s, package.loadpath);
    if (data.contains(u"tags"_s)) {
        package.tags.clear();
        for (const QJsonValue &tag : tags.toArray())
            package.tags.append(tag.toString());
    }
    if (data.contains(u"dependencies"_s))
        package.dependencies = data.value(u"dependencies"_s).toObject();
    if (data.contains(u"supernova"_s) && !theme)
        package.supernova = data.value(u"supernova"_s).toBool();
    if (theme && !package.type.isEmpty() && package.type != "theme"_L1)
        return fail(u"type"_s, u"\"theme\""_s);
    if (!theme && package.type == "theme"_L1)
        return unprocessable(u"A theme belongs in /v1/themes."_s).withPointer(u"/data/type"_s);
    return std::nullopt;
}

// Reads a POST or PATCH body into `package` (a fresh one, or a copy of the stored one).
template<typename Package>
std::optional<HttpResponse> readUpload(RequestContext &ctx, Package &package, bool creating)
{
    const MultipartForm form = MultipartForm::parse(ctx.request().header("content-type"), ctx.request().body);
    switch (form.failure()) {
    case MultipartForm::Failure::None:
        break;
    case MultipartForm::Failure::NotMultipart:
        return ctx.error(error(415, u"Unsupported Media Type"_s, form.error()));
    case MultipartForm::Failure::Malformed:
        return ctx.error(error(400, u"Bad Request"_s, form.error()));
    }
    for (const QByteArray &name : form.repeatedNames()) {
        if (name == "file" || name == "data")
            return ctx.error(unprocessable(u"The body has more than one '%1' part."_s.arg(QString::fromLatin1(name))));
    }
    const FormPart *file = form.part("file");
    const FormPart *data = form.part("data");
    if (!file && !data) {
        return ctx.error(unprocessable(
            u"Send a 'file' part with the %1's zip archive and/or a 'data' part with its JSON fields."_s.arg(
                Kind<Package>::noun)));
    }
    QJsonObject dataObject;
    if (data) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(data->data, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            // The spec's 415: "Body of the payload is not a valid JSON object".
            return ctx.error(error(415, u"Unsupported Media Type"_s, u"The 'data' part is not a valid JSON object."_s));
        }
        dataObject = document.object();
    }
    if (file) {
        if (file->data.isEmpty())
            return ctx.error(unprocessable(u"The 'file' part is empty."_s));
        if (auto problem = readArchive(file->data, Kind<Package>::theme, package))
            return ctx.error(*problem);
        package.fileId = ctx.state().ids().objectId();
        package.fileName = file->fileName.isEmpty() ? package.qextFilename + u".zip"_s : file->fileName;
    }
    if (auto problem = readData(dataObject, Kind<Package>::theme, package))
        return ctx.error(*problem);
    if (package.name.trimmed().isEmpty()) {
        return ctx.error(unprocessable(creating ? u"The %1 needs a name: from its .qext or from data.name."_s.arg(
                                           Kind<Package>::noun)
                                                : u"The name cannot be empty."_s)
                             .withPointer(u"/data/name"_s));
    }
    if (Kind<Package>::theme)
        package.type = u"theme"_s;
    else if (package.type.isEmpty())
        package.type = u"visualization"_s;
    if (package.qextFilename.isEmpty())
        package.qextFilename = package.name;
    return std::nullopt;
}

// FACTS §9.1: a name (or qextFilename) already taken by a live package is a 409.
template<typename Package>
const Package *conflicting(Tenant &tenant, const Package &candidate)
{
    for (const Package &package : Kind<Package>::of(tenant)) {
        if (package.deleted || package.id == candidate.id)
            continue;
        if (package.name.compare(candidate.name, Qt::CaseInsensitive) == 0
            || package.qextFilename.compare(candidate.qextFilename, Qt::CaseInsensitive) == 0)
            return &package;
    }
    return nullptr;
}

template<typename Package>
HttpResponse conflict(const RequestContext &ctx, const Package &existing)
{
    return ctx.error(ApiError(409, u"HTTP-409"_s, u"Conflict"_s,
                              u"A %1 named '%2' (qextFilename '%3') already exists; PATCH it to replace it."_s.arg(
                                  Kind<Package>::noun, existing.name, existing.qextFilename))
                         .withMeta({{u"resourceName"_s, Kind<Package>::noun},
                                    {u"message"_s, u"Resource with same unique identity already exists."_s}}));
}

template<typename Package>
HttpResponse list(RequestContext &ctx)
{
    QJsonArray data;
    for (const Package &package : Kind<Package>::of(*ctx.tenant())) {
        if (!package.deleted)
            data.append(VisualPackagesApi::toJson(*ctx.tenant(), package, Kind<Package>::theme));
    }
    return HttpResponse::json(200, QJsonObject{{u"data"_s, data}});
}

template<typename Package>
HttpResponse create(RequestContext &ctx)
{
    if (auto denied = requireAdmin<Package>(ctx))
        return *denied;
    Package package;
    if (auto failure = readUpload(ctx, package, true))
        return *failure;
    Tenant &tenant = *ctx.tenant();
    if (const Package *existing = conflicting(tenant, package))
        return conflict(ctx, *existing);
    package.id = ctx.state().ids().alphanumeric(32);
    package.userId = ctx.callerUserId();
    package.createdAt = ctx.clock().now();
    package.updatedAt = package.createdAt;
    const Package &stored = Kind<Package>::of(tenant).insert(package);
    ctx.audit(u"com.qlik.v1.%1.created"_s.arg(Kind<Package>::noun), u"com.qlik/%1s"_s.arg(Kind<Package>::noun),
              {{u"id"_s, stored.id}, {u"name"_s, stored.name}, {u"qextFilename"_s, stored.qextFilename}},
              {stored.id, stored.userId, {}});
    return HttpResponse::json(201, VisualPackagesApi::toJson(tenant, stored, Kind<Package>::theme));
}

template<typename Package>
HttpResponse get(RequestContext &ctx)
{
    bool gone = false;
    const Package *package = lookup<Package>(ctx, &gone);
    if (auto failure = missingOrGone(ctx, package, gone))
        return *failure;
    return HttpResponse::json(200, VisualPackagesApi::toJson(*ctx.tenant(), *package, Kind<Package>::theme));
}

template<typename Package>
HttpResponse patch(RequestContext &ctx)
{
    bool gone = false;
    Package *package = lookup<Package>(ctx, &gone);
    if (auto failure = missingOrGone(ctx, package, gone))
        return *failure;
    if (auto denied = requireAdmin<Package>(ctx))
        return *denied;
    Package updated = *package;
    if (auto failure = readUpload(ctx, updated, false))
        return *failure;
    Tenant &tenant = *ctx.tenant();
    if (const Package *existing = conflicting(tenant, updated))
        return conflict(ctx, *existing);
    updated.updatedAt = ctx.clock().now();
    *package = updated;
    ctx.audit(u"com.qlik.v1.%1.updated"_s.arg(Kind<Package>::noun), u"com.qlik/%1s"_s.arg(Kind<Package>::noun),
              {{u"id"_s, package->id}, {u"name"_s, package->name}}, {package->id, package->userId, {}});
    return HttpResponse::json(200, VisualPackagesApi::toJson(tenant, *package, Kind<Package>::theme));
}

template<typename Package>
HttpResponse remove(RequestContext &ctx)
{
    bool gone = false;
    Package *package = lookup<Package>(ctx, &gone);
    if (auto failure = missingOrGone(ctx, package, gone))
        return *failure;
    if (auto denied = requireAdmin<Package>(ctx))
        return *denied;
    // Soft delete (spec): the record stays and answers 410 from now on.
    package->deleted = true;
    package->updatedAt = ctx.clock().now();
    ctx.audit(u"com.qlik.v1.%1.deleted"_s.arg(Kind<Package>::noun), u"com.qlik/%1s"_s.arg(Kind<Package>::noun),
              {{u"id"_s, package->id}, {u"name"_s, package->name}}, {package->id, package->userId, {}});
    return HttpResponse::empty(204);
}

HttpResponse binary(const QByteArray &content, const QByteArray &contentType, const QString &fileName)
{
    HttpResponse response;
    response.status = 200;
    response.setHeader("Content-Type", contentType);
    response.setHeader("Content-Disposition",
                       "attachment; filename=\"" + fileName.toUtf8().replace('"', QByteArray()) + '"');
    response.body = content;
    return response;
}

template<typename Package>
HttpResponse downloadArchive(RequestContext &ctx)
{
    bool gone = false;
    const Package *package = lookup<Package>(ctx, &gone);
    if (auto failure = missingOrGone(ctx, package, gone))
        return *failure;
    if (package->file.isEmpty())
        return ctx.error(
            error(404, u"Not Found"_s,
                  u"The %1 '%2' was created without an archive."_s.arg(Kind<Package>::noun, package->name)));
    return binary(package->file, "application/zip", package->qextFilename + u".zip"_s);
}

template<typename Package>
HttpResponse downloadFile(RequestContext &ctx)
{
    bool gone = false;
    const Package *package = lookup<Package>(ctx, &gone);
    if (auto failure = missingOrGone(ctx, package, gone))
        return *failure;
    const QString path = ctx.param(u"filepath"_s);
    const ZipReader zip(package->file);
    // The path as stored, or relative to the folder that holds the .qext.
    QString entry = path;
    if (!zip.contains(entry))
        entry = qextDirectory(zip) + path;
    QString problem;
    const std::optional<QByteArray> content
        = zip.isValid() && zip.contains(entry) ? zip.file(entry, &problem) : std::nullopt;
    if (!content) {
        return ctx.error(
            error(404, u"Not Found"_s,
                  problem.isEmpty() ? u"The %1 has no file '%2'."_s.arg(Kind<Package>::noun, path) : problem));
    }
    static const QMimeDatabase mimes;
    const QByteArray type = mimes.mimeTypeForFile(entry, QMimeDatabase::MatchExtension).name().toLatin1();
    return binary(*content, type, path.section(u'/', -1));
}

template<typename Package>
void addFamily(Router &router)
{
    const QString base = Kind<Package>::base;
    router.add(HostKind::Tenant, "GET", base, list<Package>).errors(ErrorStyle::SingleObject);
    router.add(HostKind::Tenant, "POST", base, create<Package>).maxBody(kMaxUpload).errors(ErrorStyle::SingleObject);
    router.add(HostKind::Tenant, "GET", base + u"/{id}"_s, get<Package>).errors(ErrorStyle::SingleObject);
    router.add(HostKind::Tenant, "PATCH", base + u"/{id}"_s, patch<Package>)
        .maxBody(kMaxUpload)
        .errors(ErrorStyle::SingleObject);
    router.add(HostKind::Tenant, "DELETE", base + u"/{id}"_s, remove<Package>).errors(ErrorStyle::SingleObject);
    router.add(HostKind::Tenant, "GET", base + u"/{id}/file"_s, downloadArchive<Package>)
        .errors(ErrorStyle::SingleObject);
    router.add(HostKind::Tenant, "GET", base + u"/{id}/file/{filepath}"_s, downloadFile<Package>)
        .errors(ErrorStyle::SingleObject)
        .lastParamTakesRestOfPath();
}

} // namespace

void VisualPackagesApi::addRoutes(Router &router)
{
    addFamily<Extension>(router);
    addFamily<Theme>(router);
}

QJsonObject VisualPackagesApi::toJson(const Tenant &tenant, const VisualPackage &package, bool theme)
{
    QJsonObject json{{u"id"_s, package.id},
                     {u"tenantId"_s, tenant.id},
                     {u"userId"_s, package.userId},
                     {u"name"_s, package.name},
                     {u"type"_s, package.type},
                     {u"qextFilename"_s, package.qextFilename},
                     {u"qextVersion"_s, package.qextVersion},
                     {u"version"_s, package.version},
                     {u"description"_s, package.description},
                     {u"author"_s, package.author},
                     {u"tags"_s, QJsonArray::fromStringList(package.tags)},
                     {u"createdAt"_s, SandboxClock::iso(package.createdAt)},
                     {u"updateAt"_s, SandboxClock::iso(package.updatedAt)},
                     // FACTS §9.1 saw both spellings; the spec has updateAt.
                     {u"updatedAt"_s, SandboxClock::iso(package.updatedAt)}};
    const std::pair<QString, QString> optional[]
        = {{u"icon"_s, package.icon},         {u"preview"_s, package.preview},       {u"license"_s, package.license},
           {u"homepage"_s, package.homepage}, {u"repository"_s, package.repository}, {u"supplier"_s, package.supplier},
           {u"keywords"_s, package.keywords}};
    for (const auto &[key, value] : optional) {
        if (!value.isEmpty())
            json.insert(key, value);
    }
    if (!package.dependencies.isEmpty())
        json.insert(u"dependencies"_s, package.dependencies);
    if (!theme) {
        json.insert(u"loadpath"_s, package.loadpath.isEmpty() ? package.qextFilename : package.loadpath);
        json.insert(u"supernova"_s, package.supernova);
        json.insert(u"bundled"_s, false);
    }
    if (!package.file.isEmpty()) {
        const QString md5
            = QString::fromLatin1(QCryptographicHash::hash(package.file, QCryptographicHash::Md5).toHex());
        json.insert(u"checksum"_s, md5);
        json.insert(u"file"_s,
                    QJsonObject{{u"contentType"_s, u"application/zip"_s},
                                {u"contentLength"_s, package.file.size()},
                                {u"md5"_s, md5},
                                {u"fileId"_s, package.fileId},
                                {u"originalname"_s, package.fileName}});
    }
    return json;
}

} // namespace Sandbox
