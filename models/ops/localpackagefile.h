#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace Ops {

// An extension's or theme's zip on this computer (issue 6, step 9: "extensions and themes from zip
// files"). read() loads it on a pool thread — a package can be megabytes, and the GUI runs steps on
// its own thread — and answers on `context`'s thread. Only the zip signature is checked here: the
// upload itself judges the .qext inside (FACTS §9.1 answers 422 for a package it refuses).
class LocalPackageFile
{
public:
    static constexpr qint64 MaxBytes = qint64(100) * 1024 * 1024;

    // `done` runs once, later, unless `context` is destroyed first.
    static void read(const QString &path, QObject *context, std::function<void(const LocalPackageFile &file)> done);
    // The same, on the calling thread (for the pool, and for tests).
    [[nodiscard]] static LocalPackageFile load(const QString &path);

    QString path;
    QString fileName; // "kpi-card.zip": the upload's file name
    QByteArray bytes;
    QString md5; // hex, as Qlik reports a package file's md5
    QString problem; // empty when the file can be uploaded; otherwise what is wrong, naming the file

    [[nodiscard]] bool ok() const { return problem.isEmpty(); }
};

} // namespace Ops
