#include "ops/brandasset.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

QString BrandAsset::fileIdOf(Kind kind)
{
    return kind == Kind::Logo ? u"logo"_s : u"favIcon"_s;
}

QString BrandAsset::fileId() const
{
    return fileIdOf(m_kind);
}

QString BrandAsset::fileName() const
{
    return QFileInfo(m_path).fileName();
}

BrandAsset BrandAsset::load(Kind kind, const QString &path)
{
    BrandAsset asset;
    asset.m_kind = kind;
    const QString what = kind == Kind::Logo ? u"logo"_s : u"favicon"_s;
    if (path.trimmed().isEmpty()) {
        asset.m_problem = u"no %1 file given"_s.arg(what);
        return asset;
    }
    asset.m_path = QFileInfo(path).absoluteFilePath();
    const QString where = u"%1 %2"_s.arg(what, asset.m_path);
    QFile file(asset.m_path);
    if (!QFileInfo(asset.m_path).isFile()) {
        asset.m_problem = where + u" does not exist or is not a file"_s;
        return asset;
    }
    const qsizetype limit = kind == Kind::Logo ? MaxLogoBytes : MaxFavIconBytes;
    if (QFileInfo(asset.m_path).size() > limit) {
        asset.m_problem
            = u"%1 is %2 bytes; Qlik accepts at most %3"_s.arg(where).arg(QFileInfo(asset.m_path).size()).arg(limit);
        return asset;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        asset.m_problem = u"%1 cannot be read: %2"_s.arg(where, file.errorString());
        return asset;
    }
    asset.m_data = file.readAll();
    if (asset.m_data.isEmpty()) {
        asset.m_problem = where + u" is empty"_s;
        return asset;
    }
    // By content, not by the file's name: what Qlik checks is what arrives.
    if (kind == Kind::Logo) {
        if (asset.m_data.startsWith("\x89PNG\r\n\x1a\n"))
            asset.m_contentType = "image/png";
        else if (asset.m_data.startsWith("\xff\xd8\xff"))
            asset.m_contentType = "image/jpeg";
        else
            asset.m_problem = where + u" is not a PNG or JPEG image"_s;
    } else {
        // An ICO file starts with reserved 0, type 1 (icon), and its image count.
        if (asset.m_data.size() >= 6 && asset.m_data.startsWith(QByteArrayView("\x00\x00\x01\x00", 4)))
            asset.m_contentType = "image/x-icon";
        else
            asset.m_problem = where + u" is not an ICO file"_s;
    }
    if (!asset.m_problem.isEmpty())
        asset.m_data.clear();
    return asset;
}

} // namespace Ops
