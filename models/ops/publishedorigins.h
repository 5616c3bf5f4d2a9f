#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Ops {

// The staged app ids that earlier "publish-app" steps recorded in the journals of a folder (issue
// 7): a published copy whose originAppId is one of them is Tenantry's, even after its staged copy
// was deleted ("cleanup": "delete"), so a later rollout republishes over it instead of refusing a
// copy it cannot trace. Dry runs and unreadable journals are skipped.
class PublishedOrigins
{
public:
    explicit PublishedOrigins(const QString &journalDirectory);

    // Ids recorded for this app of this source, published to this managed space of this target. A
    // local app file is asked for with an empty source and its absolute path as `app`.
    [[nodiscard]] QStringList stagedIds(const QString &targetHost, const QString &sourceHost, const QString &app,
                                        const QString &managedSpace) const;
    [[nodiscard]] int journalsRead() const { return m_journals; }

private:
    [[nodiscard]] static QString key(const QString &targetHost, const QString &sourceHost, const QString &app,
                                     const QString &managedSpace);

    QHash<QString, QStringList> m_ids;
    int m_journals = 0;
};

} // namespace Ops
