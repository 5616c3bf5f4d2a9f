#include "sandbox/multipartform.h"

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

constexpr qsizetype kMaxParts = 256;

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && isBlank(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isBlank(text.back()))
        text.chop(1);
    return text;
}

// RFC 5987 ext-value: charset'language'percent-encoded (filename*=UTF-8''na%C3%AFve.zip).
std::optional<QString> decodeExtValue(const QByteArray &value)
{
    const qsizetype first = value.indexOf('\'');
    const qsizetype second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0)
        return std::nullopt;
    const QByteArray charset = value.left(first).toLower();
    const QByteArray bytes = QByteArray::fromPercentEncoding(value.mid(second + 1));
    if (charset == "utf-8")
        return QString::fromUtf8(bytes);
    if (charset == "iso-8859-1")
        return QString::fromLatin1(bytes);
    return std::nullopt;
}

} // namespace

std::optional<QByteArray> MultipartForm::HeaderValue::parameter(QByteArrayView name) const
{
    for (const auto &[key, value] : parameters) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}

MultipartForm::HeaderValue MultipartForm::parseHeaderValue(QByteArrayView text)
{
    HeaderValue result;
    qsizetype pos = text.indexOf(';');
    result.value = trimmed(pos < 0 ? text : text.first(pos)).toByteArray().toLower();
    if (pos < 0)
        return result;
    while (pos < text.size()) {
        // Skip the ';' and blanks before the next parameter.
        while (pos < text.size() && (text.at(pos) == ';' || isBlank(text.at(pos))))
            ++pos;
        if (pos >= text.size())
            break;
        const qsizetype equals = text.indexOf('=', pos);
        const qsizetype semicolon = text.indexOf(';', pos);
        if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
            result.valid = false; // a parameter without a value
            return result;
        }
        const QByteArray name = trimmed(text.sliced(pos, equals - pos)).toByteArray().toLower();
        if (name.isEmpty()) {
            result.valid = false;
            return result;
        }
        pos = equals + 1;
        while (pos < text.size() && isBlank(text.at(pos)))
            ++pos;
        QByteArray value;
        if (pos < text.size() && text.at(pos) == '"') {
            ++pos;
            bool closed = false;
            while (pos < text.size()) {
                const char c = text.at(pos++);
                if (c == '\\' && pos < text.size()) {
                    value += text.at(pos++);
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed) {
                result.valid = false; // an unterminated quoted string
                return result;
            }
            while (pos < text.size() && isBlank(text.at(pos)))
                ++pos;
            if (pos < text.size() && text.at(pos) != ';') {
                result.valid = false; // garbage after a quoted value
                return result;
            }
        } else {
            const qsizetype end = text.indexOf(';', pos);
            value = trimmed(end < 0 ? text.sliced(pos) : text.sliced(pos, end - pos)).toByteArray();
            pos = end < 0 ? text.size() : end;
        }
        result.parameters.append({name, value});
    }
    return result;
}

void MultipartForm::fail(Failure failure, const QString &error)
{
    if (m_failure != Failure::None)
        return;
    m_failure = failure;
    m_error = error;
    m_parts.clear();
}

bool MultipartForm::parsePart(QByteArrayView raw, int index)
{
    const QString where = u"Part %1 of the multipart body"_s.arg(index + 1);
    qsizetype headerEnd = -1;
    QByteArrayView headerBlock;
    if (raw.startsWith("\r\n")) {
        headerEnd = 0; // no headers at all
    } else {
        headerEnd = raw.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            fail(Failure::Malformed, where + u" has no blank line after its headers."_s);
            return false;
        }
        headerBlock = raw.first(headerEnd);
        headerEnd += 2;
    }
    FormPart part;
    part.data = raw.sliced(headerEnd + 2).toByteArray();
    bool sawDisposition = false;
    qsizetype start = 0;
    while (start < headerBlock.size()) {
        qsizetype end = headerBlock.indexOf("\r\n", start);
        if (end < 0)
            end = headerBlock.size();
        const QByteArrayView line = headerBlock.sliced(start, end - start);
        start = end + 2;
        if (line.isEmpty() || isBlank(line.front())) {
            fail(Failure::Malformed, where + u" has a folded or empty header line."_s);
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(Failure::Malformed, where + u" has a header line without a name and colon."_s);
            return false;
        }
        const QByteArray name = trimmed(line.first(colon)).toByteArray();
        const QByteArray value = trimmed(line.sliced(colon + 1)).toByteArray();
        part.headers.append({name, value});
        if (name.compare("content-disposition", Qt::CaseInsensitive) == 0) {
            if (sawDisposition) {
                fail(Failure::Malformed, where + u" has two Content-Disposition headers."_s);
                return false;
            }
            sawDisposition = true;
            const HeaderValue disposition = parseHeaderValue(value);
            if (!disposition.valid || disposition.value != "form-data") {
                fail(Failure::Malformed, where + u" needs 'Content-Disposition: form-data; name=\"...\"'."_s);
                return false;
            }
            part.name = disposition.parameter("name").value_or(QByteArray());
            if (const auto extended = disposition.parameter("filename*")) {
                const std::optional<QString> decoded = decodeExtValue(*extended);
                if (!decoded) {
                    fail(Failure::Malformed, where + u" has a filename* that is not charset''percent-encoded."_s);
                    return false;
                }
                part.fileName = *decoded;
                part.hasFileName = true;
            } else if (const auto plain = disposition.parameter("filename")) {
                part.fileName = QString::fromUtf8(*plain);
                part.hasFileName = true;
            }
        } else if (name.compare("content-type", Qt::CaseInsensitive) == 0) {
            part.contentType = parseHeaderValue(value).value;
        }
    }
    if (!sawDisposition || part.name.isEmpty()) {
        fail(Failure::Malformed, where + u" has no Content-Disposition: form-data with a name."_s);
        return false;
    }
    // A path in a file name is the client's business, not ours (RFC 7578 §4.2).
    if (const qsizetype slash = std::max(part.fileName.lastIndexOf(u'/'), part.fileName.lastIndexOf(u'\\')); slash >= 0)
        part.fileName = part.fileName.mid(slash + 1);
    m_parts.append(std::move(part));
    return true;
}

MultipartForm MultipartForm::parse(QByteArrayView contentTypeHeader, const QByteArray &body)
{
    MultipartForm form;
    const HeaderValue contentType = parseHeaderValue(contentTypeHeader);
    if (contentType.value != "multipart/form-data") {
        form.fail(Failure::NotMultipart,
                  contentTypeHeader.isEmpty() ? u"The request has no Content-Type; send multipart/form-data."_s
                                              : u"The Content-Type is '%1'; send multipart/form-data."_s.arg(
                                                  QString::fromLatin1(contentTypeHeader.toByteArray())));
        return form;
    }
    const QByteArray boundary
        = contentType.valid ? contentType.parameter("boundary").value_or(QByteArray()) : QByteArray();
    if (boundary.isEmpty() || boundary.size() > 70) {
        form.fail(Failure::Malformed,
                  u"The multipart/form-data Content-Type needs a boundary parameter of 1 to 70 characters."_s);
        return form;
    }
    const QByteArray delimiter = "--" + boundary;
    const QByteArray separator = "\r\n" + delimiter;

    // The first delimiter opens the body, or follows a preamble and a CRLF.
    qsizetype pos = 0;
    if (body.startsWith(delimiter)) {
        pos = delimiter.size();
    } else {
        const qsizetype first = body.indexOf(separator);
        if (first < 0) {
            form.fail(Failure::Malformed,
                      u"The body never contains the boundary '%1'."_s.arg(QString::fromLatin1(boundary)));
            return form;
        }
        pos = first + separator.size();
    }
    int index = 0;
    while (true) {
        if (QByteArrayView(body).sliced(pos).startsWith("--"))
            return form; // the closing delimiter; what follows is the epilogue
        while (pos < body.size() && isBlank(body.at(pos)))
            ++pos;
        if (!QByteArrayView(body).sliced(pos).startsWith("\r\n")) {
            form.fail(Failure::Malformed, u"A boundary delimiter is not followed by CRLF."_s);
            return form;
        }
        pos += 2;
        const qsizetype next = body.indexOf(separator, pos);
        if (next < 0) {
            form.fail(Failure::Malformed,
                      u"Part %1 of the multipart body is not closed by a boundary (truncated body?)."_s.arg(index + 1));
            return form;
        }
        if (index >= kMaxParts) {
            form.fail(Failure::Malformed, u"The multipart body has more than %1 parts."_s.arg(kMaxParts));
            return form;
        }
        if (!form.parsePart(QByteArrayView(body).sliced(pos, next - pos), index))
            return form;
        ++index;
        pos = next + separator.size();
    }
}

const FormPart *MultipartForm::part(QByteArrayView name) const
{
    for (const FormPart &part : m_parts) {
        if (part.name == name)
            return &part;
    }
    return nullptr;
}

QList<QByteArray> MultipartForm::repeatedNames() const
{
    QList<QByteArray> seen;
    QList<QByteArray> repeated;
    for (const FormPart &part : m_parts) {
        if (seen.contains(part.name)) {
            if (!repeated.contains(part.name))
                repeated.append(part.name);
        } else {
            seen.append(part.name);
        }
    }
    return repeated;
}

} // namespace Sandbox
