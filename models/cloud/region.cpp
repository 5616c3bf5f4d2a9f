#include "cloud/region.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

const QList<Region> &Region::all()
{
    // FACTS §1.2. Qlik's spec, its TypeScript SDK and qlik-cli label ap-southeast-1 "Australia (ap)"
    // and ap-southeast-2 "Singapore (sg)": that is swapped against AWS and against Qlik's own region
    // mapping table. We follow the mapping table: ap-southeast-1 is Singapore (sg), ap-southeast-2 is
    // Sydney (ap).
    static const QList<Region> regions{
        {u"us"_s, u"us-east-1"_s, u"N. Virginia"_s, u"US"_s, true},
        {u"eu"_s, u"eu-west-1"_s, u"Ireland"_s, u"IE"_s, true},
        {u"de"_s, u"eu-central-1"_s, u"Frankfurt"_s, u"DE"_s, true},
        {u"uk"_s, u"eu-west-2"_s, u"London"_s, u"GB"_s, true},
        {u"sg"_s, u"ap-southeast-1"_s, u"Singapore"_s, u"SG"_s, true},
        {u"ap"_s, u"ap-southeast-2"_s, u"Sydney"_s, u"AU"_s, true},
        {u"jp"_s, u"ap-northeast-1"_s, u"Tokyo"_s, u"JP"_s, true},
        {u"in"_s, u"ap-south-1"_s, u"Mumbai"_s, u"IN"_s, true},
        {u"fr"_s, u"eu-west-3"_s, u"Paris"_s, u"FR"_s, true},
        {u"il"_s, u"il-central-1"_s, u"Tel Aviv"_s, u"IL"_s, true},
        {u"ae"_s, u"me-central-1"_s, u"UAE"_s, u"AE"_s, true},
        // The regions below exist in the organization API's enum, but Qlik documents no hostname id.
        {u"br"_s, u"sa-east-1"_s, u"São Paulo"_s, u"BR"_s, false},
        {u"ca"_s, u"ca-central-1"_s, u"Canada"_s, u"CA"_s, false},
        {u"se"_s, u"eu-north-1"_s, u"Stockholm"_s, u"SE"_s, false},
    };
    return regions;
}

std::optional<Region> Region::fromId(const QString &id)
{
    for (const Region &region : all()) {
        if (region.id.compare(id, Qt::CaseInsensitive) == 0)
            return region;
    }
    return std::nullopt;
}

std::optional<Region> Region::fromAwsCode(const QString &awsCode)
{
    for (const Region &region : all()) {
        if (region.awsCode.compare(awsCode, Qt::CaseInsensitive) == 0)
            return region;
    }
    return std::nullopt;
}

QString Region::knownIds()
{
    QStringList ids;
    for (const Region &region : all())
        ids.append(region.id);
    return ids.join(u", "_s);
}

} // namespace Cloud
