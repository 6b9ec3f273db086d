package ai.orq.sdk.streaming;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

/**
 * Every exception of the SDK is serializable as a whole: a field whose type is not (okhttp3's
 * {@code Headers}, for one) is transient. javac's serial lint says so only from JDK 18 on; the
 * build runs on 17.
 */
class SerializableExceptionsTest {

  @Test
  void everyNonTransientFieldOfAnExceptionIsSerializable() {
    fields()
        .that()
        .areDeclaredInClassesThat()
        .areAssignableTo(Throwable.class)
        .and()
        .doNotHaveModifier(JavaModifier.STATIC)
        .and()
        .doNotHaveModifier(JavaModifier.TRANSIENT)
        .should(HAVE_A_SERIALIZABLE_TYPE)
        .check(SdkClasses.importMain());
  }

  private static final ArchCondition<JavaField> HAVE_A_SERIALIZABLE_TYPE =
      new ArchCondition<JavaField>("have a primitive or serializable type") {
        @Override
        public void check(JavaField field, ConditionEvents events) {
          JavaClass type = field.getRawType();
          boolean serializable = type.isPrimitive() || type.isAssignableTo(Serializable.class);
          events.add(
              new SimpleConditionEvent(
                  field,
                  serializable,
                  field.getFullName()
                      + " is neither transient nor of a serializable type ("
                      + type.getName()
                      + ")"));
        }
      };
}
