// type-graphql checks for the Reflect metadata API at decoration time even though every field here
// names its type explicitly (no emitted design-time metadata is read). Import before any type.
import 'reflect-metadata';
