#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

// One resource as key/value pairs (nested objects and arrays expand), or as raw JSON with a toggle.
// Values under keys that name secrets (licenseKey, *secret*, *token*, password, pem) are never shown:
// FACTS §6 says the license key creates tenants and must not be kept or shown.
class PropertiesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertiesView)

public:
    explicit PropertiesView(QWidget *parent = nullptr);
    ~PropertiesView() override;

    void setJson(const QString &title, const QJsonObject &json);
    void clear(const QString &hint = {});
    [[nodiscard]] bool isRawJsonShown() const;
    void setRawJsonShown(bool shown);
    // The JSON as shown in raw mode (secrets hidden).
    [[nodiscard]] QString rawJson() const;

    // Whether a key's value is hidden.
    [[nodiscard]] static bool isSecretKey(const QString &key);
    // The object with secret values replaced by a marker (recursively).
    [[nodiscard]] static QJsonObject redacted(const QJsonObject &json);

private:
    static void addValue(QTreeWidgetItem *parent, QTreeWidget *tree, const QString &key, const QJsonValue &value);

    QLabel *m_title = nullptr;
    QToolButton *m_rawToggle = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeWidget *m_tree = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QJsonObject m_json;
};
