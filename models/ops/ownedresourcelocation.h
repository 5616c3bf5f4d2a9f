#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace Ops {

// Where one resource an ownership audit found is read and deleted, per type (FACTS §11.2): the
// owner-change and delete steps read it the same way to judge its current owner.
//
//     const Ops::OwnedResourceLocation where{u"app"_s, appId};
//     GET where.readPath() (+ where.readQuery()); where.read(body, &ownerId, &spaceId, &error);
struct OwnedResourceLocation
{
    QString type; // as the audit names it: app, space, automation, data-file, ...
    QString id;

    // GET path of the resource; automations are read from the catalog (reading someone else's
    // automation needs owning it, FACTS §12), with readQuery().
    [[nodiscard]] QString readPath() const;
    [[nodiscard]] QUrlQuery readQuery() const;
    // The catalog answered no item: the automation is gone (a GET of the others answers 404).
    [[nodiscard]] bool isMissingFromCatalog(const QByteArray &body) const;
    // "DELETE /api/v1/apps/{id}": the type's own delete (spec; every one answers 404 once gone).
    [[nodiscard]] QString deleteCall() const;
    // Reads the owner, space and (data files) folder from the answer of GET readPath().
    [[nodiscard]] bool read(const QByteArray &body, QString *ownerId, QString *spaceId, QString *error,
                            QString *folderId = nullptr) const;
};

} // namespace Ops
