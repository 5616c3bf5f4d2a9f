#include "cloud/apiresponse.h"

namespace Cloud {

QByteArray ApiResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QUrl ApiResponse::location() const
{
    const QByteArray value = header("location").trimmed();
    if (value.isEmpty())
        return {};
    return url.resolved(QUrl::fromEncoded(value));
}

} // namespace Cloud
