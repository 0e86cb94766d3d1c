package org.havewemet.app.server;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.CoreDataModule;
import org.apache.james.DefaultVacationService;
import org.apache.james.dlp.api.DLPConfigurationStore;
import org.apache.james.dlp.eventsourcing.EventSourcingDLPConfigurationStore;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.jpa.JPADomainList;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.jmap.draft.utils.JsoupHtmlTextExtractor;
import org.apache.james.mailrepository.api.MailRepositoryUrlStore;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.file.FileMailRepository;
import org.apache.james.mailrepository.jpa.JPAMailRepositoryUrlStore;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;
import org.apache.james.modules.data.SieveFileRepositoryModule;
import org.apache.james.rrt.api.AliasReverseResolver;
import org.apache.james.rrt.api.CanSendFrom;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.jpa.JPARecipientRewriteTable;
import org.apache.james.rrt.lib.AliasReverseResolverImpl;
import org.apache.james.rrt.lib.CanSendFromImpl;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.jpa.JPAUsersRepository;
import org.apache.james.util.date.DefaultZonedDateTimeProvider;
import org.apache.james.util.date.ZonedDateTimeProvider;
import org.apache.james.util.html.HtmlTextExtractor;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.vacation.api.NotificationRegistry;
import org.apache.james.vacation.api.VacationRepository;
import org.apache.james.vacation.api.VacationService;
import org.apache.james.vacation.memory.MemoryNotificationRegistry;
import org.apache.james.vacation.memory.MemoryVacationRepository;

import com.google.common.collect.ImmutableList;
import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

/**
 * Users, domains and aliases on disk, in place of the memory server's {@code MemoryDataModule} and
 * {@code MemoryUsersRepositoryModule}: James' JPA users repository, domain list and RecipientRewriteTable
 * ({@code james-server-data-jpa}) on the database of {@link DerbyDatabaseModule}, so the demo user and every user,
 * domain or alias added through WebAdmin are there after a restart. Mail repositories (error, address-error,
 * relay-denied, rrt-error) default to James' {@link FileMailRepository} under {@code DATA/var/mail/}, and their URLs
 * are remembered in the database; Sieve scripts are files under {@code DATA/sieve/}, as in the memory server.
 * Vacation settings, their notification registry and DLP rules stay in memory, as in the memory server.
 */
public final class PersistentDataModule extends AbstractModule {
    static final String FILE_PROTOCOL = "file";

    @Override
    protected void configure() {
        install(new CoreDataModule());
        install(new SieveFileRepositoryModule());

        bind(JPAUsersRepository.class).in(Scopes.SINGLETON);
        bind(UsersRepository.class).to(JPAUsersRepository.class);
        bind(JPADomainList.class).in(Scopes.SINGLETON);
        bind(DomainList.class).to(JPADomainList.class);
        bind(JPARecipientRewriteTable.class).in(Scopes.SINGLETON);
        bind(RecipientRewriteTable.class).to(JPARecipientRewriteTable.class);
        bind(AliasReverseResolverImpl.class).in(Scopes.SINGLETON);
        bind(AliasReverseResolver.class).to(AliasReverseResolverImpl.class);
        bind(CanSendFromImpl.class).in(Scopes.SINGLETON);
        bind(CanSendFrom.class).to(CanSendFromImpl.class);

        bind(JPAMailRepositoryUrlStore.class).in(Scopes.SINGLETON);
        bind(MailRepositoryUrlStore.class).to(JPAMailRepositoryUrlStore.class);
        // Used only when mailrepositorystore.xml names no repository (JamesConfWriter writes one naming files).
        bind(MailRepositoryStoreConfiguration.Item.class)
            .toProvider(() -> new MailRepositoryStoreConfiguration.Item(
                ImmutableList.of(new Protocol(FILE_PROTOCOL)),
                FileMailRepository.class.getName(),
                new BaseHierarchicalConfiguration()));

        bind(DefaultVacationService.class).in(Scopes.SINGLETON);
        bind(VacationService.class).to(DefaultVacationService.class);
        bind(MemoryVacationRepository.class).in(Scopes.SINGLETON);
        bind(VacationRepository.class).to(MemoryVacationRepository.class);
        bind(MemoryNotificationRegistry.class).in(Scopes.SINGLETON);
        bind(NotificationRegistry.class).to(MemoryNotificationRegistry.class);
        // VacationMailet renders HTML-only mail as text; the memory server binds this in its JMAP module.
        bind(JsoupHtmlTextExtractor.class).in(Scopes.SINGLETON);
        bind(HtmlTextExtractor.class).to(JsoupHtmlTextExtractor.class);
        bind(DefaultZonedDateTimeProvider.class).in(Scopes.SINGLETON);
        bind(ZonedDateTimeProvider.class).to(DefaultZonedDateTimeProvider.class);
        bind(EventSourcingDLPConfigurationStore.class).in(Scopes.SINGLETON);
        bind(DLPConfigurationStore.class).to(EventSourcingDLPConfigurationStore.class);
    }

    @ProvidesIntoSet
    InitializationOperation configureUsers(ConfigurationProvider configuration, JPAUsersRepository users) {
        return InitilizationOperationBuilder
            .forClass(JPAUsersRepository.class)
            .init(() -> {
                users.configure(configuration.getConfiguration("usersrepository"));
                users.init();
            });
    }

    @ProvidesIntoSet
    InitializationOperation configureDomains(DomainListConfiguration configuration, JPADomainList domains) {
        return InitilizationOperationBuilder
            .forClass(JPADomainList.class)
            .init(() -> domains.configure(configuration));
    }

    @ProvidesIntoSet
    InitializationOperation configureAliases(ConfigurationProvider configuration, JPARecipientRewriteTable aliases) {
        return InitilizationOperationBuilder
            .forClass(JPARecipientRewriteTable.class)
            .init(() -> aliases.configure(configuration.getConfiguration("recipientrewritetable")));
    }
}
