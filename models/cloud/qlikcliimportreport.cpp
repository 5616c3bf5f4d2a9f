#include "cloud/qlikcliimportreport.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

bool QlikCliImportReport::ok() const
{
    return fileError.isEmpty() && count(Outcome::Failed) == 0;
}

qsizetype QlikCliImportReport::count(Outcome outcome) const
{
    return std::count_if(entries.cbegin(), entries.cend(), [outcome](const Entry &e) { return e.outcome == outcome; });
}

QString QlikCliImportReport::plaintextReminder() const
{
    if (contextsWithSecrets == 0)
        return {};
    return u"%1 still holds %2 in plain text: Tenantry keeps its copies only in the OS keychain, but "
           "qlik-cli reads that file, so delete the contexts you no longer use with 'qlik context rm' "
           "(or the file itself) and keep it readable by you alone."_s.arg(
               file,
               contextsWithSecrets == 1 ? u"1 context's secret"_s : u"%1 contexts' secrets"_s.arg(contextsWithSecrets));
}

QString qlikCliImportOutcomeName(QlikCliImportReport::Outcome outcome)
{
    switch (outcome) {
    case QlikCliImportReport::Outcome::Imported:
        return u"imported"_s;
    case QlikCliImportReport::Outcome::Updated:
        return u"updated"_s;
    case QlikCliImportReport::Outcome::Unchanged:
        return u"unchanged"_s;
    case QlikCliImportReport::Outcome::Skipped:
        return u"skipped"_s;
    case QlikCliImportReport::Outcome::Refused:
        return u"refused"_s;
    case QlikCliImportReport::Outcome::Failed:
        return u"failed"_s;
    }
    return {};
}

} // namespace Cloud
