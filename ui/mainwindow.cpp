// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appcontext.h"
#include "dialogs/accountdialog.h"
#include "domain/clock.h"
#include "item/tokensortfiltermodel.h"
#include "item/tokentablemodel.h"
#include "store/workspacestore.h"
#include "tokenactions.h"
#include "views/emptystatewidget.h"
#include "workspacesync.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_store(context->store())
    , m_tokenModel(new TokenTableModel(context->store(), context->clock(), this))
    , m_proxy(new TokenSortFilterModel(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new EmptyStateWidget(this))
    , m_tokenTable(new QTableView(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("TokenDesk — %1").arg(QDir::toNativeSeparators(m_store->path())));
    m_tokenModel->reload(); // the tokens already in the workspace; later changes arrive by signal
    m_proxy->setSourceModel(m_tokenModel);

    m_tokenTable->setObjectName(u"tokenTable"_s);
    m_tokenTable->setAccessibleName(tr("Tokens"));
    m_tokenTable->setModel(m_proxy);
    m_tokenTable->setSortingEnabled(true);
    m_tokenTable->sortByColumn(TokenTableModel::NameColumn, Qt::AscendingOrder);
    m_tokenTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tokenTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tokenTable->setAlternatingRowColors(true);
    m_tokenTable->setWordWrap(false);
    m_tokenTable->verticalHeader()->hide();
    m_tokenTable->horizontalHeader()->setStretchLastSection(true);
    m_tokenTable->horizontalHeader()->setSectionsMovable(true);

    m_stack->setObjectName(u"contentStack"_s);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_tokenTable);
    setCentralWidget(m_stack);

    m_countLabel->setObjectName(u"tokenCountLabel"_s);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->setObjectName(u"statusBar"_s);
    statusBar()->showMessage(tr("Workspace: %1").arg(QDir::toNativeSeparators(m_store->path())));

    createActions();
    createFilterBar();
    connect(m_emptyState, &EmptyStateWidget::addAccountRequested, this, &MainWindow::showAddAccountDialog);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_tokenModel, signal, this, &MainWindow::updateContentPage);
    connect(m_tokenModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateContentPage);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateContentPage);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateContentPage);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateContentPage);
    connect(m_store, &WorkspaceStore::accountAdded, this, &MainWindow::updateContentPage);
    connect(m_store, &WorkspaceStore::accountRemoved, this, &MainWindow::updateContentPage);
    connect(m_context->sync(), &WorkspaceSync::refreshFinished, this, &MainWindow::onRefreshFinished);

    restoreState();
    updateContentPage();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *addAccount = fileMenu->addAction(tr("&Add Account…"), this, &MainWindow::showAddAccountDialog);
    addAccount->setObjectName(u"addAccountAction"_s);
    addAccount->setShortcut(QKeySequence(u"Ctrl+Shift+A"_s));
    m_refreshAction
        = fileMenu->addAction(QIcon::fromTheme(u"view-refresh"_s), tr("&Refresh"), this, &MainWindow::refreshAll);
    m_refreshAction->setObjectName(u"refreshAction"_s);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Read every account's tokens from its provider again"));
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_tokenActions = new TokenActions(
        m_context, this,
        [this] {
            QList<qint64> ids;
            for (const QModelIndex &row : m_tokenTable->selectionModel()->selectedRows())
                ids << row.data(TokenTableModel::TokenIdRole).toLongLong();
            return ids;
        },
        [this](const QString &message) { showStatus(message); });
    QMenu *tokenMenu = menuBar()->addMenu(tr("&Token"));
    tokenMenu->addAction(m_tokenActions->rotateAction());
    tokenMenu->addSeparator();
    tokenMenu->addAction(m_tokenActions->revokeAction());
    connect(m_tokenTable->selectionModel(), &QItemSelectionModel::selectionChanged, m_tokenActions,
        &TokenActions::selectionChanged);
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->addAction(addAccount);
    toolBar->addAction(m_refreshAction);
    toolBar->addAction(m_tokenActions->rotateAction());
    toolBar->addAction(m_tokenActions->revokeAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About TokenDesk"), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About TokenDesk"),
            tr("<b>TokenDesk %1</b><p>Browse, rotate and revoke the API tokens of your services. Secrets stay in "
               "your system keychain.</p>")
                .arg(QApplication::applicationVersion()),
            QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::createFilterBar()
{
    QToolBar *bar = addToolBar(tr("Filter"));
    bar->setObjectName(u"filterToolBar"_s);
    bar->setMovable(false);

    m_searchEdit = new QLineEdit(bar);
    m_searchEdit->setObjectName(u"searchEdit"_s);
    m_searchEdit->setPlaceholderText(tr("Search tokens, accounts, owners, scopes…"));
    m_searchEdit->setAccessibleName(tr("Search tokens"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setMinimumWidth(280);
    bar->addWidget(m_searchEdit);
    auto *focusSearch = new QAction(tr("Find"), this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, m_searchEdit, [this] {
        m_searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_searchEdit->selectAll();
    });
    addAction(focusSearch);

    m_providerFilter = new QComboBox(bar);
    m_providerFilter->setObjectName(u"providerFilter"_s);
    m_providerFilter->setAccessibleName(tr("Provider filter"));
    m_providerFilter->addItem(tr("All providers"));
    for (ProviderKind kind : ProviderKindInfo::all())
        m_providerFilter->addItem(ProviderKindInfo::displayName(kind), QVariant::fromValue(kind));
    bar->addWidget(m_providerFilter);

    m_stateFilter = new QComboBox(bar);
    m_stateFilter->setObjectName(u"stateFilter"_s);
    m_stateFilter->setAccessibleName(tr("State filter"));
    m_stateFilter->addItem(tr("All states"));
    for (TokenState state : TokenStateInfo::all())
        m_stateFilter->addItem(TokenStateInfo::label(state), QVariant::fromValue(state));
    bar->addWidget(m_stateFilter);

    connect(m_searchEdit, &QLineEdit::textChanged, this, &MainWindow::applyFilters);
    connect(m_providerFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);
}

void MainWindow::applyFilters()
{
    m_proxy->setSearchText(m_searchEdit->text());
    const QVariant provider = m_providerFilter->currentData();
    m_proxy->setProviderFilter(provider.isValid() ? std::optional(provider.value<ProviderKind>()) : std::nullopt);
    const QVariant state = m_stateFilter->currentData();
    m_proxy->setStateFilter(state.isValid() ? std::optional(state.value<TokenState>()) : std::nullopt);
    updateContentPage();
}

void MainWindow::updateContentPage()
{
    const int total = m_tokenModel->rowCount();
    const int shown = m_proxy->rowCount();
    m_emptyState->setAccountCount(static_cast<int>(m_store->accounts().size()));
    m_stack->setCurrentWidget(total == 0 ? static_cast<QWidget *>(m_emptyState) : m_tokenTable);
    m_countLabel->setText(
        shown == total ? tr("%n token(s)", nullptr, total) : tr("%1 of %n token(s)", nullptr, total).arg(shown));
}

void MainWindow::showAddAccountDialog()
{
    auto *dialog = new AccountDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A new account's tokens appear without a separate Refresh.
    connect(dialog, &AccountDialog::accountAdded, this, [this](const Account &account) {
        if (WorkspaceSync::canList(account.kind)) {
            m_refreshing.insert(account.id);
            m_context->sync()->refresh(account.id);
        }
    });
    dialog->open();
}

void MainWindow::refreshAll()
{
    if (!m_refreshing.isEmpty())
        return; // one refresh at a time; the action is disabled meanwhile
    m_refreshProblems.clear();
    m_refreshedTokens = 0;
    for (const Account &account : m_store->accounts()) {
        if (WorkspaceSync::canList(account.kind))
            m_refreshing.insert(account.id);
    }
    if (m_refreshing.isEmpty()) {
        showStatus(tr("No account to refresh: add an account first."));
        return;
    }
    m_refreshAction->setEnabled(false);
    showStatus(tr("Refreshing %n account(s)…", nullptr, static_cast<int>(m_refreshing.size())));
    const QSet<qint64> accounts = m_refreshing;
    for (qint64 id : accounts)
        m_context->sync()->refresh(id);
}

void MainWindow::onRefreshFinished(qint64 accountId, int tokenCount, const ApiError &error)
{
    if (!m_refreshing.remove(accountId))
        return;
    const std::optional<Account> account = m_store->account(accountId);
    const QString name = account ? account->displayName : QString::number(accountId);
    if (error.isError())
        m_refreshProblems << tr("%1: %2").arg(name, error.toString());
    else
        m_refreshedTokens += tokenCount;
    if (!m_refreshing.isEmpty())
        return;
    m_refreshAction->setEnabled(true);
    if (m_refreshProblems.isEmpty())
        showStatus(tr("Refreshed: %n token(s) listed.", nullptr, m_refreshedTokens));
    else
        showStatus(tr("Refresh finished with problems. %1").arg(m_refreshProblems.join(u"; "_s)));
    m_refreshProblems.clear();
    m_refreshedTokens = 0;
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message);
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray());
    QMainWindow::restoreState(settings.value(u"mainWindow/state"_s).toByteArray());
    m_tokenTable->horizontalHeader()->restoreState(settings.value(u"mainWindow/tokenTableHeader"_s).toByteArray());
    if (!settings.contains(u"mainWindow/geometry"_s))
        resize(1200, 720);
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    settings.setValue(u"mainWindow/state"_s, QMainWindow::saveState());
    settings.setValue(u"mainWindow/tokenTableHeader"_s, m_tokenTable->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    event->accept();
}
