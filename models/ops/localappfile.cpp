#include "ops/localappfile.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

LocalAppFile LocalAppFile::inspect(const QString &path)
{
    LocalAppFile file;
    file.path = path;
    if (path.trimmed().isEmpty()) {
        file.problem = u"no app file named (an empty path)"_s;
        return file;
    }
    const QFileInfo info(path);
    file.path = info.absoluteFilePath();
    file.fileName = info.fileName();
    file.appName = info.completeBaseName();
    if (!info.exists()) {
        file.problem = u"app file %1 does not exist"_s.arg(file.path);
        return file;
    }
    if (!info.isFile()) {
        file.problem = u"app file %1 is not a file"_s.arg(file.path);
        return file;
    }
    if (info.suffix().compare(u"qvf"_s, Qt::CaseInsensitive) != 0) {
        file.problem = u"app file %1 is not a Qlik Sense app (.qvf) file"_s.arg(file.path);
        return file;
    }
    if (file.appName.trimmed().isEmpty()) {
        file.problem = u"app file %1 has no name before .qvf to call the app by"_s.arg(file.path);
        return file;
    }
    QFile readable(file.path);
    if (!readable.open(QIODevice::ReadOnly)) {
        file.problem = u"app file %1 cannot be read: %2"_s.arg(file.path, readable.errorString());
        return file;
    }
    file.size = info.size();
    if (file.size <= 0) {
        file.problem = u"app file %1 is empty"_s.arg(file.path);
        return file;
    }
    file.modified = info.lastModified().toUTC();
    return file;
}

} // namespace Ops
