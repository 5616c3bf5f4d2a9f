#include "sandbox/operationtable.h"

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

struct RawOperation
{
    const char *method;
    const char *path;
    const char *tier;
    int limit;
};

#define TENANTRY_QLIK_OPERATION(method, path, tier, limit) RawOperation{method, path, tier, limit},
constexpr RawOperation kOperations[] = {
#include <qlikoperations.inc>
};
#undef TENANTRY_QLIK_OPERATION

} // namespace

std::optional<OperationTier> OperationTable::find(QByteArrayView method, QStringView specPath)
{
    for (const RawOperation &operation : kOperations) {
        if (method == QByteArrayView(operation.method) && specPath == QLatin1StringView(operation.path))
            return OperationTier{QString::fromLatin1(operation.tier), operation.limit};
    }
    return std::nullopt;
}

} // namespace Sandbox
