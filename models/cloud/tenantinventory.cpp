#include "cloud/tenantinventory.h"

#include "cloud/resources/jsonreader.h"
#include "cloud/storagepaths.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcInventory, "tenantry.inventory", QtInfoMsg)

namespace Cloud {

namespace {

const QString formatName = u"tenantry-tenant-inventory"_s;
constexpr int formatVersion = 1;

QJsonObject headerLine()
{
    return {{u"format"_s, formatName}, {u"version"_s, formatVersion}};
}

QByteArray lineBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

TenantInventory::TenantInventory(QObject *parent)
    : TenantInventory(StoragePaths::tenantInventoryFile(), parent)
{ }

TenantInventory::TenantInventory(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath)
{
    reload();
}

TenantInventory::~TenantInventory() = default;

void TenantInventory::reload()
{
    m_tenants.clear();
    m_problems.clear();

    QFile file(m_filePath);
    if (!file.exists()) {
        Q_EMIT reloaded();
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_problems << u"%1: cannot be read: %2"_s.arg(m_filePath, file.errorString());
        Q_EMIT reloaded();
        return;
    }

    const QString fileName = QFileInfo(m_filePath).fileName();
    qsizetype lineCount = 0;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        ++lineCount;
        const QString where = u"%1 line %2"_s.arg(fileName).arg(lineNumber);
        JsonReader reader = JsonReader::fromBody(line);
        if (!reader.ok()) {
            m_problems << where + u": "_s + reader.error().section(u": "_s, 1);
            continue;
        }
        JsonReader entry(reader.json());
        if (entry.has(u"format")) {
            const QString format = entry.string(u"format");
            const qint64 version = entry.integer(u"version");
            if (entry.ok() && (format != formatName || version != formatVersion))
                entry.fail(u"format", u"this is not a version %1 tenant inventory"_s.arg(formatVersion));
        } else if (entry.has(u"removed")) {
            m_tenants.remove(entry.string(u"removed").toLower());
        } else {
            InventoryTenant tenant = InventoryTenant::read(entry);
            if (entry.ok())
                m_tenants.insert(tenant.hostname, tenant);
        }
        if (!entry.ok())
            m_problems << where + u": "_s + entry.error();
    }
    file.close();
    for (const QString &problem : std::as_const(m_problems))
        qCWarning(lcInventory).noquote() << problem;

    // Outdated lines pile up with updates and removals; rewrite once they dominate.
    if (m_problems.isEmpty() && lineCount > 2 * (m_tenants.size() + 1) + 64)
        compact(lineCount);
    Q_EMIT reloaded();
}

void TenantInventory::compact(qsizetype lineCount)
{
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcInventory) << "cannot compact" << m_filePath << ":" << file.errorString();
        return;
    }
    file.write(lineBytes(headerLine()));
    for (const InventoryTenant &tenant : tenants())
        file.write(lineBytes(tenant.toJson()));
    if (!file.commit()) {
        qCWarning(lcInventory) << "cannot compact" << m_filePath << ":" << file.errorString();
        return;
    }
    qCInfo(lcInventory) << "compacted" << m_filePath << "from" << lineCount << "lines to" << m_tenants.size() + 1;
}

QList<InventoryTenant> TenantInventory::tenants() const
{
    QList<InventoryTenant> list = m_tenants.values();
    std::sort(list.begin(), list.end(),
              [](const InventoryTenant &a, const InventoryTenant &b) { return a.hostname < b.hostname; });
    return list;
}

std::optional<InventoryTenant> TenantInventory::tenant(const QString &hostname) const
{
    const auto found = m_tenants.constFind(hostname.trimmed().toLower());
    if (found == m_tenants.cend())
        return std::nullopt;
    return *found;
}

QString TenantInventory::append(const QJsonObject &line)
{
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return u"cannot create the folder %1"_s.arg(info.absolutePath());
    QFile file(m_filePath);
    const bool fresh = !file.exists() || info.size() == 0;
    // A crash mid-write can leave a last line without its newline: end it, so the damage stays
    // on that one line.
    bool unterminated = false;
    if (!fresh && file.open(QIODevice::ReadOnly)) {
        unterminated = file.seek(file.size() - 1) && file.read(1) != "\n";
        file.close();
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return u"cannot write %1: %2"_s.arg(m_filePath, file.errorString());
    // One write per change, so a crash leaves at most one unreadable last line.
    const QByteArray bytes = (fresh ? lineBytes(headerLine()) : QByteArray(unterminated ? "\n" : "")) + lineBytes(line);
    if (file.write(bytes) != bytes.size() || !file.flush())
        return u"cannot write %1: %2"_s.arg(m_filePath, file.errorString());
    return {};
}

QString TenantInventory::add(InventoryTenant tenant)
{
    tenant.hostname = tenant.hostname.trimmed().toLower();
    if (tenant.region.isEmpty())
        tenant.region = InventoryTenant::regionOfHostname(tenant.hostname);
    if (QString error = tenant.validationError(); !error.isEmpty())
        return error;
    if (m_tenants.contains(tenant.hostname))
        return u"tenant '%1' is already in the inventory"_s.arg(tenant.hostname);
    if (!tenant.addedAt.isValid())
        tenant.addedAt = QDateTime::currentDateTimeUtc();
    if (QString error = append(tenant.toJson()); !error.isEmpty())
        return error;
    m_tenants.insert(tenant.hostname, tenant);
    Q_EMIT tenantAdded(tenant.hostname);
    return {};
}

QString TenantInventory::update(const InventoryTenant &tenant)
{
    if (QString error = tenant.validationError(); !error.isEmpty())
        return error;
    if (!m_tenants.contains(tenant.hostname))
        return u"tenant '%1' is not in the inventory"_s.arg(tenant.hostname);
    if (QString error = append(tenant.toJson()); !error.isEmpty())
        return error;
    m_tenants.insert(tenant.hostname, tenant);
    Q_EMIT tenantUpdated(tenant.hostname);
    return {};
}

QString TenantInventory::remove(const QString &hostname)
{
    const QString key = hostname.trimmed().toLower();
    if (!m_tenants.contains(key))
        return u"tenant '%1' is not in the inventory"_s.arg(key);
    if (QString error = append({{u"removed"_s, key}}); !error.isEmpty())
        return error;
    m_tenants.remove(key);
    Q_EMIT tenantRemoved(key);
    return {};
}

} // namespace Cloud
