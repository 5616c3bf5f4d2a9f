#pragma once

#include <QByteArray>
#include <QIODevice>

namespace Cloud {

// The body of a request that must not be sent twice. Qt's HTTP layer silently resends a request
// when the connection drops after the request went out and before the answer came (Qt 6.4
// QHttpNetworkConnectionChannel, any method) — for a POST that creates, that is a duplicate tenant
// or space. Qt can only resend what it can rewind: this device cannot be rewound, so Qt fails the
// reply with ContentReSendError instead, and ApiRequest reports "outcome unknown".
class OneShotBody final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OneShotBody)

public:
    explicit OneShotBody(const QByteArray &data, QObject *parent = nullptr);
    ~OneShotBody() override;

    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] qint64 bytesAvailable() const override;
    [[nodiscard]] qint64 size() const override { return m_data.size(); }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }
    [[nodiscard]] bool atEnd() const override { return m_position >= m_data.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace Cloud
