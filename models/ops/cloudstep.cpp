#include "ops/cloudstep.h"

#include "cloud/apierror.h"
#include "cloud/apipage.h"
#include "cloud/apirequest.h"
#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/pager.h"

using namespace Qt::Literals::StringLiterals;

namespace Ops {

CloudStep::~CloudStep()
{
    if (m_request)
        m_request->disconnect(this);
    if (m_pager)
        m_pager->disconnect(this);
    if (m_request)
        m_request->cancel();
    if (m_pager)
        m_pager->cancel();
}

StepError CloudStep::errorFor(const Cloud::ApiError &error)
{
    using Kind = Cloud::ApiError::Kind;
    StepError step;
    step.message = error.message();
    step.httpStatus = error.httpStatus();
    step.code = error.code();
    step.traceId = error.traceId();
    step.request = QString::fromLatin1(error.method()) + u' ' + error.url().toDisplayString(QUrl::RemoveUserInfo);
    if (error.isOutcomeUnknown()) {
        step.kind = error.kind() == Kind::Cancelled ? StepError::Kind::Cancelled : StepError::Kind::OutcomeUnknown;
        return step;
    }
    switch (error.kind()) {
    case Kind::Cancelled:
        step.kind = StepError::Kind::Cancelled;
        break;
    case Kind::Network:
    case Kind::Timeout:
    case Kind::RateLimited:
        step.kind = StepError::Kind::Transient;
        break;
    case Kind::Http:
        step.kind = error.httpStatus() >= 500 ? StepError::Kind::Transient : StepError::Kind::Failed;
        break;
    case Kind::None:
    case Kind::MalformedResponse:
    case Kind::Authentication:
    case Kind::RegionMismatch:
    case Kind::NoCredentials:
    case Kind::SecretUnavailable:
    case Kind::InvalidRequest:
        step.kind = StepError::Kind::Failed;
        break;
    }
    return step;
}

Cloud::ApiCall CloudStep::tenantCall(const QByteArray &method, const QString &path) const
{
    Cloud::ApiCall call;
    call.method = method;
    call.host = context().tenantHost;
    call.path = path;
    call.profileName = context().profile;
    call.regionHint = context().region;
    return call;
}

Cloud::ApiCall CloudStep::sourceCall(const QByteArray &method, const QString &path, const QString &hostParam) const
{
    Cloud::ApiCall call;
    call.method = method;
    call.host = params().value(hostParam).toString();
    call.path = path;
    call.profileName = params().value(u"sourceProfile"_s).toString();
    return call;
}

QString CloudStep::scimEquals(const QString &attribute, const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return attribute + u" eq \"" + escaped + u'"';
}

bool CloudStep::haveClient()
{
    if (context().cloud)
        return true;
    fail(StepError::failed(u"step \"%1\" needs the Qlik Cloud client, and the job has none"_s.arg(context().stepId)));
    return false;
}

void CloudStep::send(const Cloud::ApiCall &call, ResultHandler done, ErrorHandler onError)
{
    if (!haveClient())
        return;
    m_request = context().cloud->send(call);
    connect(m_request, &Cloud::ApiRequest::finished, this,
            [this, done = std::move(done), onError = std::move(onError)](const Cloud::ApiResult &result) {
                m_request = nullptr;
                if (result.ok()) {
                    done(result);
                    return;
                }
                if (onError && onError(result.error()))
                    return;
                fail(errorFor(result.error()));
            });
}

void CloudStep::listAll(const Cloud::ApiCall &call, std::function<void(const QJsonArray &items)> done)
{
    if (!haveClient())
        return;
    auto items = std::make_shared<QJsonArray>();
    m_pager = context().cloud->list(call);
    connect(m_pager, &Cloud::Pager::pageReceived, this, [items](const Cloud::ApiPage &page) {
        for (const QJsonValue item : page.items)
            items->append(item);
    });
    connect(m_pager, &Cloud::Pager::finished, this,
            [this, items, done = std::move(done)](const Cloud::ApiError &error) {
                m_pager = nullptr;
                if (!error.isNull()) {
                    fail(errorFor(error));
                    return;
                }
                done(*items);
            });
}

void CloudStep::abort()
{
    if (m_request)
        m_request->cancel();
    if (m_pager)
        m_pager->cancel();
}

} // namespace Ops
