#include "ops/tenantcreationledger.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

constexpr int LockTimeoutMs = 5000;

bool sameKey(const TenantCreationLedger::Entry &entry, const QString &subscriptionId, const QString &alias)
{
    return entry.subscriptionId == subscriptionId && entry.alias.compare(alias, Qt::CaseInsensitive) == 0;
}

} // namespace

TenantCreationLedger::TenantCreationLedger(QString directory)
    : m_directory(std::move(directory))
{ }

QString TenantCreationLedger::path() const
{
    return m_directory.isEmpty() ? QString() : m_directory + u"/tenant-creations.json"_s;
}

std::optional<TenantCreationLedger::Entry> TenantCreationLedger::find(const QString &subscriptionId,
                                                                      const QString &alias, QString *error) const
{
    QList<Entry> entries;
    if (!read(&entries, error))
        return std::nullopt;
    for (const Entry &entry : std::as_const(entries)) {
        if (sameKey(entry, subscriptionId, alias))
            return entry;
    }
    return std::nullopt;
}

bool TenantCreationLedger::open(const Entry &entry, QString *error)
{
    if (!isEnabled())
        return true;
    if (!QDir().mkpath(m_directory)) {
        *error = u"cannot create the directory %1"_s.arg(m_directory);
        return false;
    }
    QLockFile lock(path() + u".lock"_s);
    if (!lock.tryLock(LockTimeoutMs)) {
        *error = u"%1 is locked by another Tenantry process"_s.arg(path());
        return false;
    }
    QList<Entry> entries;
    if (!read(&entries, error))
        return false;
    entries.removeIf([&entry](const Entry &e) { return sameKey(e, entry.subscriptionId, entry.alias); });
    entries.append(entry);
    return write(entries, error);
}

bool TenantCreationLedger::close(const QString &subscriptionId, const QString &alias, QString *error)
{
    if (!isEnabled() || !QFile::exists(path()))
        return true;
    QLockFile lock(path() + u".lock"_s);
    if (!lock.tryLock(LockTimeoutMs)) {
        *error = u"%1 is locked by another Tenantry process"_s.arg(path());
        return false;
    }
    QList<Entry> entries;
    if (!read(&entries, error))
        return false;
    if (entries.removeIf([&](const Entry &e) { return sameKey(e, subscriptionId, alias); }) == 0)
        return true;
    return write(entries, error);
}

bool TenantCreationLedger::read(QList<Entry> *entries, QString *error) const
{
    entries->clear();
    if (!isEnabled())
        return true;
    QFile file(path());
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path(), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = u"%1 is not a Tenantry tenant-creation ledger (offset %2: %3); move it aside only once no tenant "
                 u"create is pending"_s.arg(path())
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    const QJsonArray pending = document.object().value(u"pending"_s).toArray();
    for (qsizetype i = 0; i < pending.size(); ++i) {
        const QJsonObject object = pending.at(i).toObject();
        Entry entry{object.value(u"subscriptionId"_s).toString(), object.value(u"alias"_s).toString(),
                    object.value(u"jobId"_s).toString(),
                    QDateTime::fromString(object.value(u"since"_s).toString(), Qt::ISODateWithMs)};
        if (entry.subscriptionId.isEmpty() || entry.alias.isEmpty() || !entry.since.isValid()) {
            *error = u"%1: pending[%2] needs subscriptionId, alias and since (ISO 8601)"_s.arg(path()).arg(i);
            return false;
        }
        entries->append(entry);
    }
    return true;
}

bool TenantCreationLedger::write(const QList<Entry> &entries, QString *error)
{
    QJsonArray pending;
    for (const Entry &entry : entries) {
        pending.append(QJsonObject{{u"subscriptionId"_s, entry.subscriptionId},
                                   {u"alias"_s, entry.alias},
                                   {u"jobId"_s, entry.jobId},
                                   {u"since"_s, entry.since.toUTC().toString(Qt::ISODateWithMs)}});
    }
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1: %2"_s.arg(path(), file.errorString());
        return false;
    }
    file.write(QJsonDocument(QJsonObject{{u"format"_s, u"tenantry-tenant-creations"_s}, {u"pending"_s, pending}})
                   .toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path(), file.errorString());
        return false;
    }
    return true;
}

} // namespace Ops
