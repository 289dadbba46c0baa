/**
 * AppSync GraphQL APIs in a template, read and edited: {@link dev.stackdraft.appsync.GraphQlApis} finds each API in
 * either form ({@code AWS::Serverless::GraphQLApi} with its {@code DataSources}, {@code Functions} and
 * {@code Resolvers}, or the {@code AWS::AppSync::*} resources that name one {@code AWS::AppSync::GraphQLApi}), with its
 * schema source, data sources, resolvers and pipeline functions; {@link dev.stackdraft.appsync.SchemaFields} lists the
 * fields of its SDL (parsed with graphql-java) with the resolver of each, and the resolvers whose field is gone. The
 * edit commands ({@link dev.stackdraft.appsync.BindResolver}, {@link dev.stackdraft.appsync.UnbindResolver},
 * {@link dev.stackdraft.appsync.AddDataSource}, {@link dev.stackdraft.appsync.NewGraphQlApi},
 * {@link dev.stackdraft.appsync.RemoveOrphanResolvers}, {@link dev.stackdraft.appsync.SetPipeline},
 * {@link dev.stackdraft.appsync.NewPipelineFunction}) write in the form the API already has; new APIs are written
 * in SAM's. Depends on the template engine and the edit commands only: no Spring, no Vaadin.
 */
@NullMarked
package dev.stackdraft.appsync;

import org.jspecify.annotations.NullMarked;
