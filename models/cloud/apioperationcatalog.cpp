#include "cloud/apioperationcatalog.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

struct RawOperation
{
    const char *method;
    const char *path;
    const char *tier;
    int limit;
};

#define TENANTRY_QLIK_OPERATION(method, path, tier, limit) RawOperation{method, path, tier, limit},
constexpr RawOperation kRawOperations[] = {
#include <qlikoperations.inc>
};
#undef TENANTRY_QLIK_OPERATION

RateTier tierFromSpec(const char *tier)
{
    const QLatin1StringView text(tier);
    if (text == "1"_L1)
        return RateTier::One;
    if (text == "2"_L1)
        return RateTier::Two;
    return RateTier::Special;
}

// Number of literal segments that matched; -1 when the path does not fit the template.
int matchScore(const QStringList &templateSegments, const QStringList &pathSegments)
{
    if (templateSegments.size() != pathSegments.size())
        return -1;
    int literals = 0;
    for (qsizetype i = 0; i < templateSegments.size(); ++i) {
        const QString &expected = templateSegments.at(i);
        if (expected.startsWith(u'{') && expected.endsWith(u'}')) {
            if (pathSegments.at(i).isEmpty())
                return -1;
            continue;
        }
        if (expected != pathSegments.at(i))
            return -1;
        ++literals;
    }
    return literals;
}

} // namespace

const ApiOperationCatalog &ApiOperationCatalog::instance()
{
    static const ApiOperationCatalog catalog;
    return catalog;
}

ApiOperationCatalog::ApiOperationCatalog()
{
    m_operations.reserve(std::size(kRawOperations));
    for (const RawOperation &raw : kRawOperations) {
        m_operations.append(ApiOperation{QString::fromLatin1(raw.method), QString::fromLatin1(raw.path),
                                         tierFromSpec(raw.tier), raw.limit});
        m_templateSegments.append(m_operations.constLast().pathTemplate.split(u'/'));
    }
}

std::optional<ApiOperation> ApiOperationCatalog::match(const QString &method, const QString &path) const
{
    QString relative = path;
    if (relative.startsWith(u"/api/v1/"_s))
        relative.remove(0, 4);
    const QStringList pathSegments = relative.split(u'/');

    const ApiOperation *best = nullptr;
    int bestScore = -1;
    for (qsizetype i = 0; i < m_operations.size(); ++i) {
        const ApiOperation &operation = m_operations.at(i);
        if (operation.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        const int score = matchScore(m_templateSegments.at(i), pathSegments);
        if (score > bestScore) {
            bestScore = score;
            best = &operation;
        }
    }
    if (!best)
        return std::nullopt;
    return *best;
}

} // namespace Cloud
