#include "ops/paramreferences.h"

#include "ops/jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

const QRegularExpression &innerPattern()
{
    static const QRegularExpression pattern(u"^([a-z][a-z0-9-]{0,63})\\.([A-Za-z][A-Za-z0-9_]{0,63})$"_s);
    return pattern;
}

// One piece of a parsed string: literal text, or a reference.
struct Piece
{
    QString literal;
    std::optional<ParamReference> reference;
};

// Splits `text` into literals and references; false (with `error`) when a reference is malformed.
bool split(const QString &text, const QString &path, QList<Piece> *pieces, QString *error)
{
    QString literal;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == u'$' && text.mid(i, 3) == u"$${"_s) {
            literal += u"${"_s;
            i += 3;
            continue;
        }
        if (text.at(i) == u'$' && text.mid(i, 2) == u"${"_s) {
            const qsizetype close = text.indexOf(u'}', i + 2);
            if (close < 0) {
                *error = u"reference \"%1\" has no closing '}' (write $${ for a literal ${)"_s.arg(text.mid(i, 40));
                return false;
            }
            const QString inner = text.mid(i + 2, close - i - 2);
            const QRegularExpressionMatch match = innerPattern().match(inner);
            if (!match.hasMatch()) {
                *error = u"\"${%1}\" is not a reference; references look like ${step-id.output}, "
                         u"${target.hostname} or ${vars.name} (write $${ for a literal ${)"_s.arg(inner);
                return false;
            }
            if (!literal.isEmpty())
                pieces->append({literal, std::nullopt});
            literal.clear();
            pieces->append({QString(), ParamReference{match.captured(1), match.captured(2), path}});
            i = close + 1;
            continue;
        }
        literal += text.at(i);
        ++i;
    }
    if (!literal.isEmpty() || pieces->isEmpty())
        pieces->append({literal, std::nullopt});
    return true;
}

QString embeddedText(const QJsonValue &value, bool *ok)
{
    *ok = true;
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == static_cast<double>(static_cast<qint64>(number)))
            return QString::number(static_cast<qint64>(number));
        return QString::number(number, 'g', 17);
    }
    case QJsonValue::Null:
    case QJsonValue::Array:
    case QJsonValue::Object:
    case QJsonValue::Undefined:
        break;
    }
    *ok = false;
    return {};
}

void findIn(const QJsonValue &value, const QString &path, QList<ParamReference> *found, QList<PlanIssue> *issues)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            findIn(it.value(), JsonPath::member(path, it.key()), found, issues);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            findIn(array.at(i), JsonPath::index(path, i), found, issues);
    } else if (value.isString()) {
        const QString text = value.toString();
        if (!text.contains(u'$'))
            return;
        QList<Piece> pieces;
        QString error;
        if (!split(text, path, &pieces, &error)) {
            if (issues)
                issues->append({path, error});
            return;
        }
        for (const Piece &piece : pieces) {
            if (piece.reference)
                found->append(*piece.reference);
        }
    }
}

QJsonValue resolveIn(const QJsonValue &value, const QString &path, const ParamReferences::Lookup &lookup,
                     ParamReferences::Resolution *resolution)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = resolveIn(it.value(), JsonPath::member(path, it.key()), lookup, resolution);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = resolveIn(array.at(i), JsonPath::index(path, i), lookup, resolution);
        return array;
    }
    if (!value.isString() || !value.toString().contains(u'$'))
        return value;

    QList<Piece> pieces;
    QString error;
    if (!split(value.toString(), path, &pieces, &error)) {
        resolution->issues.append({path, error});
        return value;
    }
    // Exactly one reference: the value keeps its JSON type.
    if (pieces.size() == 1 && pieces.first().reference) {
        const ParamReference &reference = *pieces.first().reference;
        if (const std::optional<QJsonValue> found = lookup(reference.source, reference.name))
            return *found;
        resolution->unresolved.append(reference);
        return reference.text();
    }
    QString text;
    for (const Piece &piece : pieces) {
        if (!piece.reference) {
            text += piece.literal;
            continue;
        }
        const std::optional<QJsonValue> found = lookup(piece.reference->source, piece.reference->name);
        if (!found) {
            resolution->unresolved.append(*piece.reference);
            text += piece.reference->text();
            continue;
        }
        bool ok = false;
        const QString embedded = embeddedText(*found, &ok);
        if (!ok) {
            resolution->issues.append(
                {path,
                 u"%1 is %2, which cannot be placed inside a longer string; use the reference as the whole "
                 u"value"_s.arg(piece.reference->text(),
                                found->isArray()        ? u"an array"_s
                                    : found->isObject() ? u"an object"_s
                                                        : u"null"_s)});
            continue;
        }
        text += embedded;
    }
    return text;
}

} // namespace

QList<ParamReference> ParamReferences::find(const QJsonValue &value, const QString &path, QList<PlanIssue> *issues)
{
    QList<ParamReference> found;
    findIn(value, path, &found, issues);
    return found;
}

ParamReferences::Resolution ParamReferences::resolve(const QJsonValue &value, const Lookup &lookup, const QString &path)
{
    Resolution resolution;
    resolution.value = resolveIn(value, path, lookup, &resolution);
    return resolution;
}

bool ParamReferences::isWholeReference(const QString &text, ParamReference *reference)
{
    if (!text.startsWith(u"${"_s) || !text.endsWith(u'}'))
        return false;
    QList<Piece> pieces;
    QString error;
    if (!split(text, QString(), &pieces, &error) || pieces.size() != 1 || !pieces.first().reference)
        return false;
    if (reference)
        *reference = *pieces.first().reference;
    return true;
}

} // namespace Ops
