#pragma once

#include <QByteArray>
#include <QString>

namespace Ops {

// A local file for a brand (FACTS §9.3, spec POST /v1/brands): the logo (PNG or JPEG, at most
// 300 KB) or the favicon (ICO, at most 100 KB). Plans hold the file's path, never its bytes; a
// relative path is resolved against the current directory. load() reads the file and checks it
// by content, as Qlik does, so a wrong file is refused before anything changes.
class BrandAsset
{
public:
    enum class Kind { Logo, FavIcon };

    static constexpr qsizetype MaxLogoBytes = qsizetype(300) * 1024;
    static constexpr qsizetype MaxFavIconBytes = qsizetype(100) * 1024;

    [[nodiscard]] static BrandAsset load(Kind kind, const QString &path);

    [[nodiscard]] bool ok() const { return m_problem.isEmpty(); }
    // Why the file cannot be used, naming it: "logo /x/logo.gif is not a PNG or JPEG image".
    [[nodiscard]] const QString &problem() const { return m_problem; }
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString fileId() const; // the brand file id: "logo" | "favIcon"
    [[nodiscard]] const QString &path() const { return m_path; } // absolute
    [[nodiscard]] QString fileName() const;
    [[nodiscard]] const QByteArray &data() const { return m_data; }
    [[nodiscard]] const QByteArray &contentType() const { return m_contentType; } // image/png...

    [[nodiscard]] static QString fileIdOf(Kind kind);

private:
    Kind m_kind = Kind::Logo;
    QString m_path;
    QByteArray m_data;
    QByteArray m_contentType;
    QString m_problem;
};

} // namespace Ops
