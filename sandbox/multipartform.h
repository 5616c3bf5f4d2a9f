#pragma once

#include "sandbox/httpexchange.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Sandbox {

// One part of a multipart/form-data body (RFC 7578).
struct FormPart
{
    QByteArray name; // Content-Disposition name
    QString fileName; // Content-Disposition filename (or filename*), decoded
    bool hasFileName = false; // a file part, even with an empty file name
    QByteArray contentType; // the part's Content-Type, lower case, without parameters; "" when absent
    HeaderList headers;
    QByteArray data; // the content, byte for byte
};

// Parses multipart/form-data bodies (extensions, themes, brands: FACTS §9) strictly enough that a
// malformed body gets a clear answer rather than a guess: CRLF delimiters, a boundary from the
// Content-Type (quoted or not, 1..70 characters), a Content-Disposition: form-data with a name on
// every part, and a closing delimiter. Binary content is taken as is.
class MultipartForm
{
public:
    enum class Failure {
        None,
        NotMultipart, // the Content-Type is not multipart/form-data (415 where the spec says so)
        Malformed, // the body does not follow the multipart syntax (400)
    };

    [[nodiscard]] static MultipartForm parse(QByteArrayView contentTypeHeader, const QByteArray &body);

    [[nodiscard]] Failure failure() const { return m_failure; }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] const QList<FormPart> &parts() const { return m_parts; }
    // The first part with this name, nullptr when none.
    [[nodiscard]] const FormPart *part(QByteArrayView name) const;
    // Part names that occur more than once (each once).
    [[nodiscard]] QList<QByteArray> repeatedNames() const;

    // The parameters of a header value such as `form-data; name="file"; filename="a b.zip"`, names
    // lower case. Exposed for the Content-Type boundary and tests.
    struct HeaderValue
    {
        QByteArray value; // "form-data", lower case
        QList<QPair<QByteArray, QByteArray>> parameters;
        bool valid = true;
        [[nodiscard]] std::optional<QByteArray> parameter(QByteArrayView name) const;
    };
    [[nodiscard]] static HeaderValue parseHeaderValue(QByteArrayView text);

private:
    void fail(Failure failure, const QString &error);
    bool parsePart(QByteArrayView raw, int index);

    Failure m_failure = Failure::None;
    QString m_error;
    QList<FormPart> m_parts;
};

} // namespace Sandbox
