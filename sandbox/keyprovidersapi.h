#pragma once

#include <QJsonObject>
#include <QString>

namespace Sandbox {

class Router;
struct EncryptionKeyProvider;
struct Tenant;

// /v1/encryption/keyproviders (spec; issue 6 step 9b): customer-managed AWS KMS keys. There is no
// AWS here, so the sandbox models what the service checks and the states it goes through:
//  - register: the ARN's structure (417 when it is not arn:aws:kms:<region>:<account>:key/<id>),
//    the key's region against the tenant's datacenter (406), a duplicate (409);
//  - test: marks the key tested and reports DR compliance: a multi-region key (key id "mrk-...")
//    has a replica in the tenant's DR region, any other key gets a complianceError;
//  - migrate: needs a tested key (412), one migration at a time (428); the key becomes current at
//    once and the migration completes after kMigrationSeconds of sandbox time (clock/advance);
//  - reset-to-default-provider: 200 when Qlik's key is in use already, 205 with the migration.
// Lists follow the spec's schema, which puts the providers under "errors" (sic).
class KeyProvidersApi
{
public:
    static void addRoutes(Router &router);

    static constexpr int kMigrationSeconds = 60;

    [[nodiscard]] static QJsonObject toJson(const Tenant &tenant, const EncryptionKeyProvider &provider);
};

} // namespace Sandbox
