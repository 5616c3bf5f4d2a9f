#include "resourcedocument.h"

#include "cloud/apirequest.h"
#include "cloud/cloudclient.h"

ResourceDocument::ResourceDocument(Cloud::CloudClient *client, Cloud::ApiCall call, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_call(std::move(call))
{ }

ResourceDocument::~ResourceDocument()
{
    if (m_request)
        m_request->cancel();
}

void ResourceDocument::load()
{
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    m_state = State::Loading;
    m_error.clear();
    Q_EMIT changed();
    m_request = m_client->send(m_call, this, [this](const Cloud::ApiResult &result) {
        m_request = nullptr;
        if (!result.ok()) {
            m_state = State::Failed;
            m_error = result.error().message();
        } else if (!result.json().isObject()) {
            m_state = State::Failed;
            m_error = tr("%1 answered without a JSON object.").arg(m_call.logicalUrl().toString());
        } else {
            m_state = State::Loaded;
            m_json = result.json().object();
        }
        Q_EMIT changed();
    });
}
