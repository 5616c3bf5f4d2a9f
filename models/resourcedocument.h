#pragma once

#include "cloud/apicall.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace Cloud {
class ApiRequest;
class CloudClient;
} // namespace Cloud

// One JSON document of the API (a license overview, a tenant, an app), loaded on demand through
// the cloud client for a detail page: ui shows it and never talks HTTP itself.
class ResourceDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceDocument)

public:
    enum class State { NotLoaded, Loading, Loaded, Failed };

    ResourceDocument(Cloud::CloudClient *client, Cloud::ApiCall call, QObject *parent = nullptr);
    ~ResourceDocument() override;

    // Sends the request (again); the previous one, if still running, is cancelled.
    void load();
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const QJsonObject &json() const { return m_json; }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] const Cloud::ApiCall &call() const { return m_call; }

Q_SIGNALS:
    void changed();

private:
    Cloud::CloudClient *m_client;
    Cloud::ApiCall m_call;
    QPointer<Cloud::ApiRequest> m_request;
    State m_state = State::NotLoaded;
    QJsonObject m_json;
    QString m_error;
};
