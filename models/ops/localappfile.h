#pragma once

#include <QDateTime>
#include <QString>

namespace Ops {

// An app file on this computer that a rollout publishes instead of an app exported from a source
// tenant (issue 7: "or local app files"). inspect() reads only what the file system says, so a
// file that cannot be an app file is refused before anything changes anywhere.
//
// Only the extension tells a .qvf apart: Qlik documents no header to check (FACTS §10.1 says the
// import takes "raw .qvf bytes"), and the import itself judges the content.
class LocalAppFile
{
public:
    [[nodiscard]] static LocalAppFile inspect(const QString &path);

    QString path; // absolute, as given when it is not a file at all
    QString fileName; // "Sales Dashboard.qvf"
    QString appName; // what the imported app is called: the file name without ".qvf"
    qint64 size = 0;
    QDateTime modified; // UTC: a copy published after it carries this content
    QString problem; // empty when the file can be published; otherwise what is wrong, naming the file

    [[nodiscard]] bool ok() const { return problem.isEmpty(); }
};

} // namespace Ops
