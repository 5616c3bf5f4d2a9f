#pragma once

#include "cloud/apierror.h"
#include "cloud/apiresponse.h"

#include <QMetaType>

namespace Cloud {

// What an ApiRequest finishes with: the response, or an error (an HTTP error keeps its response too).
class ApiResult
{
public:
    ApiResult() = default;
    explicit ApiResult(ApiResponse response)
        : m_response(std::move(response))
    { }
    ApiResult(ApiResponse response, ApiError error)
        : m_response(std::move(response))
        , m_error(std::move(error))
    { }

    [[nodiscard]] bool ok() const { return m_error.isNull(); }
    [[nodiscard]] const ApiResponse &response() const { return m_response; }
    [[nodiscard]] const ApiError &error() const { return m_error; }
    [[nodiscard]] int status() const { return m_response.status; }
    [[nodiscard]] const QJsonDocument &json() const { return m_response.json; }

    // How many times the request went out (1 unless it was retried or re-authenticated).
    [[nodiscard]] int attempts() const { return m_attempts; }
    void setAttempts(int attempts) { m_attempts = attempts; }

private:
    ApiResponse m_response;
    ApiError m_error;
    int m_attempts = 0;
};

} // namespace Cloud

Q_DECLARE_METATYPE(Cloud::ApiResult)
