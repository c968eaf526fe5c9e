package org.peel.measure;

import org.peel.opendata.BadRows;
import org.peel.opendata.ForceNames;
import org.peel.opendata.HomeOfficePrcImporter;
import org.peel.opendata.OpenDataStore;
import org.peel.opendata.PopulationImporter;
import org.peel.common.Progress;
import org.peel.common.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small Home Office table worked out by hand. Every territorial force records 10 violence with injury and 5 fraud
 * offences a year among 10,000 people; the Met (100,000 people) records, in the years to June 2010, 2014 and 2015:
 * violence with injury 200, 80, 100; drug offences 100, 170, 200; fraud 500 each year; and 50 domestic burglaries
 * in the last. British Transport Police records 1,000 violent offences and Action Fraud 99,999 frauds: neither may
 * reach England and Wales. Population names Devon and Cornwall by name only, the ONS way.
 */
final class MeasureFixtures {

    private MeasureFixtures() {
    }

    static final String KENT = "E23000032";

    static void homeOfficeTable(OpenDataStore openData, Path dir) throws IOException {
        homeOfficeTable(openData, dir, 10, 100_000);
    }

    /**
     * The same table with Kent's violence with injury in the year to June 2015 and the Met's population given, loaded
     * into files of the same names: loaded again with other figures, they replace the first.
     */
    static void homeOfficeTable(OpenDataStore openData, Path dir, int kentViolenceToJune2015, int metPopulation)
            throws IOException {
        StringBuilder prc = new StringBuilder("12 months ending,PFA,Region,Offence,Rolling year total number of offences\n");
        StringBuilder people = new StringBuilder("area_code,area_name,year,population,households\n");
        for (ForceNames.Force f : openData.forces()) {
            if (!f.territorial()) {
                continue;
            }
            boolean isMet = f.code().equals("E23000001");
            String name = f.name().equals("Devon and Cornwall") ? "Devon & Cornwall" : f.name();
            for (String[] year : new String[][]{{"30-06-2010", "200", "100"}, {"30-06-2014", "80", "170"},
                    {"30-06-2015", "100", "200"}}) {
                String violence = isMet ? year[1] : f.code().equals(KENT) && year[0].equals("30-06-2015")
                        ? String.valueOf(kentViolenceToJune2015) : "10";
                prc.append(year[0]).append(',').append(name).append(",Region,Violence with injury,")
                        .append(violence).append('\n');
                prc.append(year[0]).append(',').append(name).append(",Region,Fraud offences,")
                        .append(isMet ? "500" : "5").append('\n');
                if (isMet) {
                    prc.append(year[0]).append(",Metropolitan Police,London,Drug offences,").append(year[2]).append('\n');
                }
            }
            people.append(name.startsWith("Devon") ? "" : f.code()).append(",\"").append(name).append("\",2014,")
                    .append(isMet ? String.valueOf(metPopulation) : "10000").append(",\n");
        }
        prc.append("30-06-2015,Metropolitan Police,London,Domestic burglary,50\n");
        for (String y : List.of("30-06-2010", "30-06-2014", "30-06-2015")) {
            prc.append(y).append(",British Transport Police,British Transport Police,Violence with injury,1000\n");
            prc.append(y).append(",Action Fraud,Fraud: Action Fraud,Action Fraud,99999\n");
        }
        Path prcFile = Files.writeString(dir.resolve("rec-crime-pfa.csv"), prc);
        Path popFile = Files.writeString(dir.resolve("pfa-population.csv"), people);
        new HomeOfficePrcImporter(openData).importFile(SourceFile.of(prcFile), new BadRows(BadRows.Policy.STOP),
                Progress.silent());
        new PopulationImporter(openData).importFile(SourceFile.of(popFile), new BadRows(BadRows.Policy.STOP),
                Progress.silent());
    }
}
