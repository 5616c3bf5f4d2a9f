#include "jobreportoption.h"

#include "output.h"

#include "tableexport.h"

#include <QCommandLineParser>

using namespace Qt::Literals::StringLiterals;

void JobReportOption::addTo(QCommandLineParser &parser) const
{
    parser.addOption({u"report"_s,
                      u"Also write the job's report, one row per target and step, to FILE (.csv or .json)."_s,
                      u"FILE"_s});
}

QString JobReportOption::read(const QCommandLineParser &parser)
{
    m_path = parser.value(u"report"_s);
    if (m_path.isEmpty() || Ops::JobReport::formatForPath(m_path, &m_format))
        return {};
    return u"--report %1: the file name must end in .csv or .json"_s.arg(m_path);
}

void JobReportOption::write(const Ops::JobState &state, const Output &output, QObject *context,
                            std::function<void(bool ok)> done) const
{
    if (m_path.isEmpty()) {
        done(true);
        return;
    }
    const Ops::JobReport report = Ops::JobReport::fromState(state);
    TableExport::writeFile(m_path, report.toBytes(m_format), context,
                           [&output, done = std::move(done)](const QString &error) {
                               if (!error.isEmpty())
                                   output.error(u"cannot write the report: "_s + error);
                               done(error.isEmpty());
                           });
}
