#include "sandbox/scimfilter.h"

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

// Recursive descent over a token list; builds ScimFilter's node array.
class ScimParser
{
public:
    ScimParser(const QString &text, const ScimFilter::Allowed &allowed, ScimFilter &filter)
        : m_text(text)
        , m_allowed(allowed)
        , m_filter(filter)
    { }

    void run()
    {
        tokenize();
        if (!m_filter.m_error.isEmpty())
            return;
        if (m_tokens.isEmpty())
            return;
        const int root = parseOr();
        if (!m_filter.m_error.isEmpty())
            return;
        if (m_position < m_tokens.size()) {
            fail(u"unexpected '%1'"_s.arg(m_tokens.at(m_position).text));
            return;
        }
        m_filter.m_root = root;
    }

private:
    struct Token
    {
        enum class Kind { Word, String, Open, Close };
        Kind kind;
        QString text;
    };

    void fail(const QString &message)
    {
        if (m_filter.m_error.isEmpty())
            m_filter.m_error = u"Invalid filter: %1."_s.arg(message);
    }

    void tokenize()
    {
        qsizetype i = 0;
        while (i < m_text.size()) {
            const QChar c = m_text.at(i);
            if (c.isSpace()) {
                ++i;
            } else if (c == u'(') {
                m_tokens.append({Token::Kind::Open, u"("_s});
                ++i;
            } else if (c == u')') {
                m_tokens.append({Token::Kind::Close, u")"_s});
                ++i;
            } else if (c == u'"') {
                QString value;
                ++i;
                bool closed = false;
                while (i < m_text.size()) {
                    const QChar d = m_text.at(i);
                    if (d == u'\\' && i + 1 < m_text.size()) {
                        value += m_text.at(i + 1);
                        i += 2;
                        continue;
                    }
                    if (d == u'"') {
                        closed = true;
                        ++i;
                        break;
                    }
                    value += d;
                    ++i;
                }
                if (!closed) {
                    fail(u"unterminated string"_s);
                    return;
                }
                m_tokens.append({Token::Kind::String, value});
            } else {
                const qsizetype start = i;
                while (i < m_text.size() && !m_text.at(i).isSpace() && m_text.at(i) != u'(' && m_text.at(i) != u')'
                       && m_text.at(i) != u'"')
                    ++i;
                m_tokens.append({Token::Kind::Word, m_text.mid(start, i - start)});
            }
        }
    }

    [[nodiscard]] bool atKeyword(QLatin1StringView keyword) const
    {
        return m_position < m_tokens.size() && m_tokens.at(m_position).kind == Token::Kind::Word
            && m_tokens.at(m_position).text.compare(keyword, Qt::CaseInsensitive) == 0;
    }

    int add(ScimFilter::Node node)
    {
        m_filter.m_nodes.append(std::move(node));
        return static_cast<int>(m_filter.m_nodes.size() - 1);
    }

    int parseOr()
    {
        int left = parseAnd();
        while (m_filter.m_error.isEmpty() && atKeyword("or"_L1)) {
            ++m_position;
            const int right = parseAnd();
            ScimFilter::Node node;
            node.kind = ScimFilter::Node::Kind::Or;
            node.left = left;
            node.right = right;
            left = add(node);
        }
        return left;
    }

    int parseAnd()
    {
        int left = parseUnary();
        while (m_filter.m_error.isEmpty() && atKeyword("and"_L1)) {
            ++m_position;
            const int right = parseUnary();
            ScimFilter::Node node;
            node.kind = ScimFilter::Node::Kind::And;
            node.left = left;
            node.right = right;
            left = add(node);
        }
        return left;
    }

    int parseUnary()
    {
        if (atKeyword("not"_L1)) {
            ++m_position;
            if (m_position >= m_tokens.size() || m_tokens.at(m_position).kind != Token::Kind::Open) {
                fail(u"'not' must be followed by '('"_s);
                return -1;
            }
            ScimFilter::Node node;
            node.kind = ScimFilter::Node::Kind::Not;
            node.left = parseGroup();
            return add(node);
        }
        if (m_position < m_tokens.size() && m_tokens.at(m_position).kind == Token::Kind::Open)
            return parseGroup();
        return parseComparison();
    }

    int parseGroup()
    {
        ++m_position; // '('
        const int inner = parseOr();
        if (!m_filter.m_error.isEmpty())
            return -1;
        if (m_position >= m_tokens.size() || m_tokens.at(m_position).kind != Token::Kind::Close) {
            fail(u"missing ')'"_s);
            return -1;
        }
        ++m_position;
        return inner;
    }

    int parseComparison()
    {
        if (m_position >= m_tokens.size()) {
            fail(u"an expression is missing at the end"_s);
            return -1;
        }
        const Token attribute = m_tokens.at(m_position);
        if (attribute.kind != Token::Kind::Word) {
            fail(u"expected an attribute name, found '%1'"_s.arg(attribute.text));
            return -1;
        }
        ++m_position;
        if (m_position >= m_tokens.size() || m_tokens.at(m_position).kind != Token::Kind::Word) {
            fail(u"expected an operator after '%1'"_s.arg(attribute.text));
            return -1;
        }
        ScimFilter::Node node;
        node.attribute = attribute.text.toLower();
        node.op = m_tokens.at(m_position).text.toLower();
        ++m_position;
        static const QStringList operators{u"eq"_s, u"ne"_s, u"co"_s, u"sw"_s, u"ew"_s,
                                           u"gt"_s, u"ge"_s, u"lt"_s, u"le"_s, u"pr"_s};
        if (!operators.contains(node.op)) {
            fail(u"unknown operator '%1'"_s.arg(node.op));
            return -1;
        }
        if (!m_allowed.isEmpty()) {
            const auto it = m_allowed.constFind(node.attribute);
            if (it == m_allowed.constEnd()) {
                fail(u"attribute '%1' cannot be filtered on"_s.arg(attribute.text));
                return -1;
            }
            if (!it->isEmpty() && !it->contains(node.op)) {
                fail(u"attribute '%1' does not support '%2'"_s.arg(attribute.text, node.op));
                return -1;
            }
        }
        if (node.op != "pr"_L1) {
            if (m_position >= m_tokens.size()) {
                fail(u"'%1 %2' needs a value"_s.arg(attribute.text, node.op));
                return -1;
            }
            const Token value = m_tokens.at(m_position);
            ++m_position;
            if (value.kind == Token::Kind::String) {
                node.value = value.text;
            } else if (value.kind == Token::Kind::Word) {
                const QString word = value.text.toLower();
                bool numeric = false;
                word.toDouble(&numeric);
                if (word == "null"_L1)
                    node.isNull = true;
                else if (word == "true"_L1 || word == "false"_L1 || numeric)
                    node.value = word;
                else {
                    fail(u"'%1' is not a value (quote strings)"_s.arg(value.text));
                    return -1;
                }
            } else {
                fail(u"'%1 %2' needs a value"_s.arg(attribute.text, node.op));
                return -1;
            }
        }
        return add(node);
    }

    const QString &m_text;
    const ScimFilter::Allowed &m_allowed;
    ScimFilter &m_filter;
    QList<Token> m_tokens;
    qsizetype m_position = 0;
};

ScimFilter ScimFilter::parse(const QString &text, const Allowed &allowed)
{
    ScimFilter filter;
    ScimParser(text, allowed, filter).run();
    if (!filter.m_error.isEmpty()) {
        filter.m_nodes.clear();
        filter.m_root = -1;
    }
    return filter;
}

bool ScimFilter::matches(const Values &values) const
{
    return m_root < 0 || evaluate(m_root, values);
}

namespace {

int compareValues(const QString &left, const QString &right)
{
    bool leftNumeric = false;
    bool rightNumeric = false;
    const double a = left.toDouble(&leftNumeric);
    const double b = right.toDouble(&rightNumeric);
    if (leftNumeric && rightNumeric)
        return a < b ? -1 : (a > b ? 1 : 0);
    return left.compare(right, Qt::CaseInsensitive);
}

} // namespace

bool ScimFilter::evaluate(int index, const Values &values) const
{
    const Node &node = m_nodes.at(index);
    switch (node.kind) {
    case Node::Kind::And:
        return evaluate(node.left, values) && evaluate(node.right, values);
    case Node::Kind::Or:
        return evaluate(node.left, values) || evaluate(node.right, values);
    case Node::Kind::Not:
        return !evaluate(node.left, values);
    case Node::Kind::Compare:
        break;
    }
    const QStringList actual = values(node.attribute);
    const bool present = std::any_of(actual.cbegin(), actual.cend(), [](const QString &v) { return !v.isEmpty(); });
    if (node.op == "pr"_L1)
        return present;
    if (node.isNull)
        return node.op == "eq"_L1 ? !present : (node.op == "ne"_L1 && present);
    const auto any = [&](auto predicate) { return std::any_of(actual.cbegin(), actual.cend(), predicate); };
    if (node.op == "eq"_L1)
        return any([&](const QString &v) { return v.compare(node.value, Qt::CaseInsensitive) == 0; });
    if (node.op == "ne"_L1)
        return !any([&](const QString &v) { return v.compare(node.value, Qt::CaseInsensitive) == 0; });
    if (node.op == "co"_L1)
        return any([&](const QString &v) { return v.contains(node.value, Qt::CaseInsensitive); });
    if (node.op == "sw"_L1)
        return any([&](const QString &v) { return v.startsWith(node.value, Qt::CaseInsensitive); });
    if (node.op == "ew"_L1)
        return any([&](const QString &v) { return v.endsWith(node.value, Qt::CaseInsensitive); });
    if (node.op == "gt"_L1)
        return any([&](const QString &v) { return compareValues(v, node.value) > 0; });
    if (node.op == "ge"_L1)
        return any([&](const QString &v) { return compareValues(v, node.value) >= 0; });
    if (node.op == "lt"_L1)
        return any([&](const QString &v) { return compareValues(v, node.value) < 0; });
    if (node.op == "le"_L1)
        return any([&](const QString &v) { return compareValues(v, node.value) <= 0; });
    return false;
}

bool ScimFilter::mentions(const QString &attribute) const
{
    const QString wanted = attribute.toLower();
    return std::any_of(m_nodes.cbegin(), m_nodes.cend(),
                       [&](const Node &node) { return node.kind == Node::Kind::Compare && node.attribute == wanted; });
}

QStringList ScimFilter::equalityValues(const QString &attribute) const
{
    const QString wanted = attribute.toLower();
    QStringList found;
    for (const Node &node : m_nodes) {
        if (node.kind == Node::Kind::Compare && node.attribute == wanted && node.op == "eq"_L1)
            found.append(node.value);
    }
    return found;
}

} // namespace Sandbox
