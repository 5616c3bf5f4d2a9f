#include "sandbox/region.h"

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

const QList<Region> &Region::all()
{
    // FACTS §1.2: only the verified URL ids; the first three are the default regions of seeds.
    static const QList<Region> regions{
        {u"eu"_s, u"eu-west-1"_s, u"IE"_s, u"Ireland"_s},     {u"us"_s, u"us-east-1"_s, u"US"_s, u"N. Virginia"_s},
        {u"ap"_s, u"ap-southeast-2"_s, u"AU"_s, u"Sydney"_s}, {u"de"_s, u"eu-central-1"_s, u"DE"_s, u"Frankfurt"_s},
        {u"uk"_s, u"eu-west-2"_s, u"GB"_s, u"London"_s},      {u"sg"_s, u"ap-southeast-1"_s, u"SG"_s, u"Singapore"_s},
        {u"jp"_s, u"ap-northeast-1"_s, u"JP"_s, u"Tokyo"_s},  {u"in"_s, u"ap-south-1"_s, u"IN"_s, u"Mumbai"_s},
    };
    return regions;
}

std::optional<Region> Region::byId(const QString &id)
{
    for (const Region &region : all()) {
        if (region.id == id)
            return region;
    }
    return std::nullopt;
}

std::optional<Region> Region::byDatacenter(const QString &datacenter)
{
    for (const Region &region : all()) {
        if (region.datacenter.compare(datacenter, Qt::CaseInsensitive) == 0)
            return region;
    }
    return std::nullopt;
}

} // namespace Sandbox
