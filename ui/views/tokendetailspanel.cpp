// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokendetailspanel.h"

#include "appcontext.h"
#include "domain/clock.h"
#include "domain/rotationdue.h"
#include "icons.h"
#include "item/auditlogmodel.h"
#include "item/tabletext.h"
#include "item/tokentablemodel.h"
#include "item/versiontablemodel.h"
#include "store/workspacestore.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

TokenDetailsPanel::TokenDetailsPanel(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_versions(new VersionTableModel(context->store(), this))
    , m_audit(new AuditLogModel(context->store(), this))
    , m_pages(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_capabilities(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_policyText(new QLabel(this))
    , m_editPolicy(new QPushButton(Icons::action(u"policy"_s), tr("Edit &Policy…"), this))
    , m_notes(new QPlainTextEdit(this))
    , m_notesStatus(new QLabel(this))
    , m_notesTimer(new QTimer(this))
{
    setObjectName(u"tokenDetails"_s);
    setAccessibleName(tr("Token details"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    auto *nothing = new QLabel(tr("Select a token to see its versions, policy, notes and history."), this);
    nothing->setObjectName(u"detailsPlaceholder"_s);
    nothing->setAlignment(Qt::AlignCenter);
    nothing->setWordWrap(true);
    nothing->setEnabled(false);
    m_pages->addWidget(nothing);

    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    m_title->setObjectName(u"detailsTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setObjectName(u"detailsSubtitle"_s);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_capabilities->setObjectName(u"detailsCapabilities"_s);
    m_capabilities->setWordWrap(true);
    pageLayout->addWidget(m_title);
    pageLayout->addWidget(m_subtitle);
    pageLayout->addWidget(m_capabilities);
    pageLayout->addWidget(m_tabs, 1);
    m_pages->addWidget(page);

    m_tabs->setObjectName(u"detailsTabs"_s);
    m_versionTable = makeTable(m_versions, u"versionTable"_s, tr("Versions"), this);
    m_tabs->addTab(m_versionTable, tr("&Versions"));

    auto *policyPage = new QWidget(this);
    auto *policyLayout = new QVBoxLayout(policyPage);
    m_policyText->setObjectName(u"policyText"_s);
    m_policyText->setWordWrap(true);
    m_policyText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_policyText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_editPolicy->setObjectName(u"detailsEditPolicyButton"_s);
    policyLayout->addWidget(m_policyText);
    policyLayout->addWidget(m_editPolicy, 0, Qt::AlignLeft);
    policyLayout->addStretch();
    m_tabs->addTab(policyPage, tr("P&olicy"));
    connect(m_editPolicy, &QPushButton::clicked, this, [this] { Q_EMIT editPolicyRequested(m_tokenId); });

    auto *notesPage = new QWidget(this);
    auto *notesLayout = new QVBoxLayout(notesPage);
    m_notes->setObjectName(u"consumerNotesEdit"_s);
    m_notes->setAccessibleName(tr("Consumer notes"));
    m_notes->setPlaceholderText(tr("Which applications use this token, who to tell before rotating it…"));
    m_notesStatus->setObjectName(u"consumerNotesStatus"_s);
    notesLayout->addWidget(m_notes);
    notesLayout->addWidget(m_notesStatus);
    m_tabs->addTab(notesPage, tr("&Notes"));
    // Saved shortly after typing stops, and when another token is selected.
    m_notesTimer->setSingleShot(true);
    m_notesTimer->setInterval(700);
    connect(m_notesTimer, &QTimer::timeout, this, &TokenDetailsPanel::saveNotes);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (m_tokenId != 0 && !m_notes->signalsBlocked()) {
            m_notesStatus->setText(tr("Editing…"));
            m_notesTimer->start();
        }
    });

    m_auditTable = makeTable(m_audit, u"tokenAuditTable"_s, tr("Audit events of this token"), this);
    m_tabs->addTab(m_auditTable, tr("&History"));

    connect(context->store(), &WorkspaceStore::tokenChanged, this, [this](const Token &token) {
        if (token.id == m_tokenId && !m_notesTimer->isActive())
            showToken();
    });
    connect(context->store(), &WorkspaceStore::tokenRemoved, this, [this](qint64 id) {
        if (id == m_tokenId)
            setTokenId(0);
    });

    QSettings settings;
    m_tabs->setCurrentIndex(settings.value(u"details/tab"_s, 0).toInt());
    m_versionTable->horizontalHeader()->restoreState(settings.value(u"details/versionHeader"_s).toByteArray());
    m_auditTable->horizontalHeader()->restoreState(settings.value(u"details/auditHeader"_s).toByteArray());
    m_pages->setCurrentIndex(0);
}

TokenDetailsPanel::~TokenDetailsPanel()
{
    if (m_notesTimer->isActive())
        saveNotes();
}

void TokenDetailsPanel::saveState() const
{
    QSettings settings;
    settings.setValue(u"details/tab"_s, m_tabs->currentIndex());
    settings.setValue(u"details/versionHeader"_s, m_versionTable->horizontalHeader()->saveState());
    settings.setValue(u"details/auditHeader"_s, m_auditTable->horizontalHeader()->saveState());
}

void TokenDetailsPanel::setTokenId(qint64 tokenId)
{
    if (m_notesTimer->isActive()) {
        m_notesTimer->stop();
        saveNotes();
    }
    if (tokenId != m_tokenId) {
        // showToken() keeps the editor's text while it has the focus; another token's notes must
        // never stay there, or typing on would save them to this token.
        const QSignalBlocker blocker(m_notes);
        m_notes->clear();
    }
    m_tokenId = tokenId;
    m_versions->setTokenId(tokenId);
    m_audit->setTokenFilter(tokenId);
    m_pages->setCurrentIndex(tokenId == 0 ? 0 : 1);
    if (tokenId != 0)
        showToken();
}

void TokenDetailsPanel::showToken()
{
    WorkspaceStore *store = m_context->store();
    const std::optional<Token> token = store->token(m_tokenId);
    if (!token) {
        m_pages->setCurrentIndex(0);
        return;
    }
    const std::optional<Account> account = store->account(token->accountId);
    m_title->setText(token->name);
    QStringList facts;
    if (account)
        facts << tr("%1 · %2").arg(account->displayName, ProviderKindInfo::displayName(account->kind));
    facts << TokenStateInfo::label(token->state);
    if (token->currentVersion > 0)
        facts << tr("version %1").arg(token->currentVersion);
    if (!token->owner.isEmpty())
        facts << tr("owner %1").arg(token->owner);
    if (!token->scopes.isEmpty())
        facts << tr("scopes: %1").arg(token->scopes.join(u", "_s));
    m_subtitle->setText(facts.join(u" · "_s));
    if (account) {
        const ProviderCapabilities caps = m_context->providers().capabilities(*account);
        m_capabilities->setText(tr("TokenDesk can: %1").arg(caps.abilities().join(u", "_s)));
        m_capabilities->setToolTip(caps.limitations.join(u"\n"_s));
    } else {
        m_capabilities->clear();
    }

    QString policy;
    if (token->policy.isNull()) {
        policy = tr("<p>No rotation policy: this token is rotated only by hand.</p>");
    } else {
        policy = tr("<p><b>%1</b></p>").arg(token->policy.summary().toHtmlEscaped());
        for (const QString &problem : token->policy.problems())
            policy += tr("<p>⚠ %1</p>").arg(problem.toHtmlEscaped());
    }
    const QDateTime due = RotationDue::nextDue(*token);
    if (due.isValid())
        policy += tr("<p>Next rotation due: %1 (%2 UTC)</p>")
                      .arg(TableText::dateText(due, {}), due.toUTC().toString(u"yyyy-MM-dd HH:mm"_s));
    if (token->expiresAt.isValid())
        policy += tr("<p>Expires: %1 (%2 UTC)</p>")
                      .arg(TableText::dateText(token->expiresAt, {}),
                          token->expiresAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s));
    m_policyText->setText(policy);

    if (!m_notes->hasFocus() || m_notes->toPlainText().isEmpty()) {
        const QSignalBlocker blocker(m_notes);
        m_notes->setPlainText(token->consumerNotes);
        m_notesStatus->clear();
    }
}

void TokenDetailsPanel::saveNotes()
{
    std::optional<Token> token = m_context->store()->token(m_tokenId);
    if (!token)
        return;
    const QString notes = m_notes->toPlainText();
    if (token->consumerNotes == notes) {
        m_notesStatus->setText(tr("Saved."));
        return;
    }
    token->consumerNotes = notes;
    if (m_context->store()->updateToken(*token))
        m_notesStatus->setText(tr("Saved."));
    else
        m_notesStatus->setText(tr("Not saved: %1").arg(m_context->store()->errorString()));
}
