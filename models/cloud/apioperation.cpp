#include "cloud/apioperation.h"

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

QString ApiOperation::budgetKey() const
{
    switch (tier) {
    case RateTier::One:
        return u"tier1"_s;
    case RateTier::Two:
        return u"tier2"_s;
    case RateTier::Special:
        return u"special:"_s + method + u' ' + pathTemplate;
    }
    return {};
}

} // namespace Cloud
