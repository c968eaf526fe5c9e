package org.peel.synthetic;

import java.util.List;

/**
 * One kind of record the synthetic force holds. Adding a record type is adding one class that implements
 * this (and listing it in {@link SyntheticForce#RECORD_TYPES} after the types whose facts it uses).
 * It writes its rows through {@link World#out(Table)}, its people through {@link World#person}, and draws only
 * from {@link World#random(String)}, so its output depends on nothing but the generation's arguments.
 */
public interface RecordType {

    /** A short name, also the name of its random stream. */
    String name();

    /** The tables it writes, parents before children. */
    List<Table> tables();

    void generate(World world);
}
